#include "caption.hpp"

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

// Markers that start a credit at the end of a caption, longest first where
// one is the start of another.
constexpr std::string_view kCreditMarkers[] = {
    "photograph:", "photo by", "photos:", "photo:",  "fotos:",        "foto:", "bild:",    "image:",
    "picture:",    "credit:",  "quelle:", "source:", "illustration:", "fot.",  "\xC2\xA9", "(c)"};

bool is_credit_element(const Dom& dom, int i) {
  if (dom.is_element(i, GUMBO_TAG_SMALL) || dom.is_element(i, GUMBO_TAG_CITE)) return true;
  for (const char* attr : {"class", "itemprop"}) {
    const std::string value = ascii_lower(dom.attr(i, attr));
    for (const std::string_view word :
         {"credit", "copyright", "source", "photographer", "author", "rights"}) {
      if (value.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

int find_caption_element(const Dom& dom, int figure) {
  for (int i = figure + 1; i < dom[figure].end; ++i) {
    if (dom.is_element(i, GUMBO_TAG_FIGCAPTION)) return i;
  }
  return -1;
}

std::string_view trim_punctuation(std::string_view s) {
  const std::string_view junk = " \t|/-()[]\xE2\x80\x93";
  while (!s.empty() && junk.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && junk.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

}  // namespace

Caption split_credit(std::string_view text) {
  const std::string lower = ascii_lower(text);
  std::size_t best = std::string::npos, marker_size = 0;
  for (const std::string_view marker : kCreditMarkers) {
    const std::size_t at = lower.rfind(marker);
    if (at == std::string::npos) continue;
    // A marker word must start a word ("photo:" not inside "telephoto:").
    if (at > 0 && ((lower[at - 1] | 0x20) >= 'a' && (lower[at - 1] | 0x20) <= 'z')) continue;
    if (best == std::string::npos || at > best) {
      best = at;
      marker_size = marker.size();
    }
  }
  Caption c;
  if (best == std::string::npos) {
    c.caption = std::string(trim_punctuation(text));
    return c;
  }
  // "©" stays in the credit: it is part of how credits are written.
  const bool keep_marker = text.substr(best, marker_size) == "\xC2\xA9";
  c.credit = std::string(trim_punctuation(text.substr(keep_marker ? best : best + marker_size)));
  std::string_view caption = text.substr(0, best);
  while (!caption.empty() && (caption.back() == ' ' || caption.back() == '(' || caption.back() == '|' ||
                              caption.back() == '/' || caption.back() == '-'))
    caption.remove_suffix(1);
  c.caption = std::string(caption);
  return c;
}

Caption lead_caption(const Dom& dom, const std::vector<char>& furniture) {
  for (int f = 0; f < dom.size(); ++f) {
    if (!dom.is_element(f, GUMBO_TAG_FIGURE) || furniture[static_cast<std::size_t>(f)]) continue;
    const int caption = find_caption_element(dom, f);
    if (caption < 0) continue;
    // Credits marked up as elements are read apart from the caption text.
    std::string credit;
    TextBuilder builder;
    for (int i = caption + 1; i < dom[caption].end; ++i) {
      if (dom[i].kind == NodeKind::Element && is_credit_element(dom, i)) {
        if (credit.empty()) credit = inner_text(dom, i);
        i = dom[i].end - 1;
        continue;
      }
      if (dom[i].kind == NodeKind::Element && is_never_text(dom[i].tag)) {
        i = dom[i].end - 1;
        continue;
      }
      if (dom[i].kind == NodeKind::Element && (dom[i].tag == GUMBO_TAG_BR || is_block(dom[i].tag)))
        builder.soft_break();
      if (dom[i].kind == NodeKind::Text) builder.append(dom[i].text);
    }
    const std::string text = builder.take();
    Caption c = split_credit(text);
    if (!credit.empty()) {
      // A marked-up credit may still say "Foto: dpa".
      const Caption inner = split_credit(credit);
      c.caption = std::string(trim_punctuation(text));
      c.credit = inner.credit.empty() ? inner.caption : inner.credit;
    }
    if (c.caption.empty() && c.credit.empty()) continue;
    return c;
  }
  return {};
}

}  // namespace sluice::plugins::html
