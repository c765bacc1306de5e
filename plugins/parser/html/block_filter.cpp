#include "block_filter.hpp"

#include <algorithm>
#include <unordered_set>

#include "dates.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

bool is_repeatable(BlockKind kind) { return kind == BlockKind::ListItem || kind == BlockKind::TableRow; }

enum class Verdict { Keep, Links, Drop };

// A dateline or byline standing alone: "29 July 2023", "Updated 14:05,
// 12.03.2021", "By Jane Doe", "Von Max Muster". Article text is never just that.
bool is_date_or_byline(std::string_view text) {
  if (char_count(text) > 60) return false;
  const std::string lower = ascii_lower(text.substr(0, 8));
  for (const std::string_view prefix : {"by ", "von ", "par ", "por ", "from "}) {
    if (lower.starts_with(prefix)) return true;
  }
  // A date with little else around it (not a sentence that mentions one).
  return normalize_page_date(text).has_value() && std::count(text.begin(), text.end(), ' ') <= 5;
}

// A photo credit or copyright line standing as a paragraph of its own.
bool is_credit_line(std::string_view text) {
  if (char_count(text) > 200) return false;
  if (text.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  const std::string lower = ascii_lower(text.substr(0, 24));
  for (const std::string_view marker : {"(c) ", "foto:", "fotos:", "photo:", "photos:", "bild:", "titelbild:",
                                        "credit:", "credits:", "image:", "picture:", "photograph:",
                                        "cr\xC3\xA9"
                                        "dits photo",
                                        "fot. "}) {
    if (lower.starts_with(marker)) return true;
  }
  return false;
}

// A heading, or a short line introducing what follows ("Read also:").
bool is_heading_like(const Block& b) {
  return b.kind == BlockKind::Heading || (b.text.ends_with(':') && char_count(b.text) <= 60);
}

int level_of(const Block& b) { return b.kind == BlockKind::Heading ? b.heading_level : 7; }

// A heading introduces text: one that introduces nothing (the text ends,
// or the next heading is of its rank or higher: a "Related" heading whose
// link list was dropped) goes too.
void drop_empty_headings(const std::vector<const Block*>& blocks, std::vector<Verdict>& verdict) {
  for (std::size_t i = blocks.size(); i-- > 0;) {
    if (verdict[i] != Verdict::Keep || !is_heading_like(*blocks[i])) continue;
    std::size_t next = i + 1;
    while (next < blocks.size() && verdict[next] != Verdict::Keep) ++next;
    const bool nothing_follows = next == blocks.size();
    if (nothing_follows ||
        (is_heading_like(*blocks[next]) && level_of(*blocks[next]) <= level_of(*blocks[i])))
      verdict[i] = Verdict::Drop;
  }
}

// "Subscribe to our newsletter", "Already a subscriber? Log in", "Jetzt
// abonnieren": the publisher talking to the reader, not the article.
bool is_call_to_action(std::string_view text) {
  if (char_count(text) > 250) return false;
  const std::string lower = ascii_lower(text);
  for (const std::string_view w : {"subscribe", "subscriber", "subscription", "newsletter", "sign up",
                                   "log in to", "abonnieren", "abonnement", "abonnez",
                                   "suscr\xC3\xAD"
                                   "bete",
                                   "suscribirse", "zaloguj", "prenumerat"}) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

bool is_boilerplate_phrase(std::string_view text) {
  if (text.size() > 60) return false;
  // Compared as loose keys: case, spaces and punctuation do not matter.
  static const std::unordered_set<std::string> kPhrases = [] {
    std::unordered_set<std::string> s;
    for (std::string_view p : {"advertisement",
                               "advertising",
                               "sponsored",
                               "sponsored content",
                               "anzeige",
                               "werbung",
                               "publicité",
                               "publicidad",
                               "reklama",
                               "share",
                               "share this",
                               "share this article",
                               "share this story",
                               "share on facebook",
                               "share on twitter",
                               "tweet",
                               "teilen",
                               "artikel teilen",
                               "diesen artikel teilen",
                               "partager",
                               "compartir",
                               "udostępnij",
                               "print",
                               "drucken",
                               "email",
                               "e-mail",
                               "read more",
                               "read more:",
                               "continue reading",
                               "weiterlesen",
                               "mehr lesen",
                               "mehr zum thema",
                               "lire aussi",
                               "lire la suite",
                               "leer más",
                               "czytaj więcej",
                               "related articles",
                               "related stories",
                               "related",
                               "you may also like",
                               "recommended",
                               "more on this story",
                               "comments",
                               "kommentare",
                               "commentaires",
                               "comentarios",
                               "komentarze",
                               "leave a comment",
                               "leave a reply",
                               "skip to content",
                               "skip to main content",
                               "zum inhalt springen",
                               "back to top",
                               "nach oben",
                               "accept cookies",
                               "cookie settings",
                               "subscribe",
                               "sign up",
                               "abonnieren",
                               "newsletter",
                               "close",
                               "schließen",
                               "fermer",
                               "cerrar",
                               "menu",
                               "menü",
                               "loading",
                               "loading...",
                               "top",
                               "home",
                               "startseite",
                               "related coverage",
                               "related content",
                               "related topics",
                               "more stories",
                               "most popular",
                               "most read",
                               "top stories",
                               "recommended for you",
                               "see also",
                               "ähnliche artikel",
                               "das könnte sie auch interessieren",
                               "auch interessant",
                               "weitere artikel",
                               "zum weiterlesen",
                               "lesen sie auch",
                               "meistgelesen",
                               "voir aussi",
                               "à lire aussi",
                               "sur le même sujet",
                               "noticias relacionadas",
                               "te puede interesar",
                               "zobacz także",
                               "zobacz również",
                               "czytaj także"})
      s.insert(loose_key(p));
    return s;
  }();
  if (kPhrases.count(loose_key(text)) != 0) return true;
  // Reading-time lines: "4 Min Read", "Lesezeit: 3 Min.", "5 minutos de lectura".
  if (text.size() > 32) return false;
  const std::string lower = ascii_lower(text);
  for (const std::string_view w :
       {"min read", "minute read", "lesezeit", "temps de lecture", "de lectura", "min czytania"}) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> filter_blocks(const std::vector<const Block*>& blocks, std::string_view title,
                                       const Tuning& tuning) {
  const std::string title_key = loose_key(title);
  const std::size_t n = blocks.size();
  std::vector<Verdict> verdict(n, Verdict::Keep);
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = *blocks[i];
    const std::string key = loose_key(b.text);
    if (b.link_density() > tuning.max_block_link_density) {
      verdict[i] = Verdict::Links;
    } else if (!has_letters_or_digits(b.text) || is_boilerplate_phrase(b.text) || is_credit_line(b.text) ||
               (!title_key.empty() && key == title_key)) {
      verdict[i] = Verdict::Drop;  // punctuation only ("|", "•"), "Share", "Photo: AFP", the headline again
    } else if (!is_repeatable(b.kind) && !seen.insert(key).second) {
      verdict[i] = Verdict::Drop;
    }
  }
  drop_empty_headings(blocks, verdict);

  std::vector<const Block*> kept;
  for (std::size_t i = 0; i < n; ++i) {
    if (verdict[i] == Verdict::Keep) kept.push_back(blocks[i]);
  }
  // At the edges: datelines, bylines, calls to subscribe, and with
  // min_paragraph_chars any short line ("Photo: AFP", "(dpa)").
  const auto is_short = [&](const Block* b) {
    return char_count(b->text) < tuning.min_paragraph_chars || is_date_or_byline(b->text) ||
           is_call_to_action(b->text);
  };
  auto first = std::find_if_not(kept.begin(), kept.end(), is_short);
  auto last = std::find_if_not(kept.rbegin(), std::make_reverse_iterator(first), is_short).base();
  std::vector<std::string> out;
  for (auto it = first; it < last; ++it) out.push_back((*it)->text);
  return out;
}

}  // namespace sluice::plugins::html
