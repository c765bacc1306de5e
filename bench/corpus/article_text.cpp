#include "article_text.hpp"

#include <array>
#include <cstdio>
#include <string_view>

#include "random.hpp"
#include "vocabulary.hpp"

namespace sluice::bench {
namespace {

namespace vocab = vocabulary;

constexpr std::string_view kOpen = "\xE2\x80\x9C";        // “
constexpr std::string_view kClose = "\xE2\x80\x9D";       // ”
constexpr std::string_view kApostrophe = "\xE2\x80\x99";  // ’
constexpr std::size_t kWrapColumn = 72;

// Appends every part in order.
template <class... Parts>
void put(std::string& out, const Parts&... parts) {
  (out.append(parts), ...);
}

// 8200 -> "8,200", as news copy writes numbers.
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Sentences start with a capital even when a phrase does not ("the United
// States’s ..."); all phrases start with ASCII.
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// One person of an article's cast, with the honorific and role the article
// gives them throughout.
struct Member {
  const vocab::Person* person = nullptr;
  std::string_view honorific, role;
  bool introduced = false;
};

class ArticleWriter {
 public:
  ArticleWriter(std::string& out, std::uint64_t seed) : out_(out), rng_(seed) {
    for (std::size_t i = 0; i < cast_.size(); ++i) {
      Member& m = cast_[i];
      // Three different people: one person with two honorifics would read oddly.
      do {
        m.person = &rng_.pick(vocab::people());
      } while ((i > 0 && m.person == cast_[0].person) || (i > 1 && m.person == cast_[1].person));
      m.honorific = rng_.pick(vocab::honorifics(m.person->female));
      m.role = rng_.pick(vocab::roles());
    }
    place_ = &rng_.pick(vocab::places());
    other_place_ = &rng_.pick(vocab::places());
    organisation_ = rng_.pick(vocab::organisations());
    other_organisation_ = rng_.pick(vocab::organisations());
    topic_ = rng_.pick(vocab::topics());
    wrap_ = rng_.one_in(5);
  }

  void write() {
    const std::size_t start = out_.size();
    const std::size_t target = rng_.between(3500, 4400);
    header();
    paragraph(lede() + " " + context());
    while (out_.size() - start < target) {
      std::string p = first_sentence();
      if (rng_.one_in(2)) put(p, " ", follow_up());
      paragraph(p);
    }
  }

 private:
  // " date YYYY-MM-DD <caption> - <credit>", as the seed article begins.
  void header() {
    char date[16];
    std::snprintf(date, sizeof date, "%04u-%02u-%02u", static_cast<unsigned>(rng_.between(2015, 2024)),
                  static_cast<unsigned>(rng_.between(1, 12)), static_cast<unsigned>(rng_.between(1, 28)));
    std::string caption = full_name(cast_[0]);
    if (rng_.one_in(2)) put(caption, " (left) and ", full_name(cast_[1]));
    put(caption, " ", rng_.pick(vocab::caption_scenes()), " ", rng_.pick(vocab::venues()), " in ",
        place_->city);
    // Captions may contain " - " themselves: the credit is after the last one.
    if (rng_.one_in(6)) put(caption, " - a day after ", topic_, " stalled");
    put(out_, " date ", date, " ", caption, " - ", rng_.pick(vocab::credits()), "\n");
  }

  static std::string full_name(const Member& m) {
    return std::string(m.person->first) + " " + std::string(m.person->last);
  }

  // A cast member, named in full the first time and as "Ms Haddad" after;
  // they become the one a following "she added" refers to.
  std::string mention(std::size_t who) {
    Member& m = cast_[who];
    last_named_ = who;
    if (!m.introduced) {
      m.introduced = true;
      return full_name(m);
    }
    return std::string(m.honorific) + " " + std::string(m.person->last);
  }

  std::size_t anyone() { return rng_.below(cast_.size()); }
  std::string_view pronoun() const { return cast_[last_named_].person->female ? "she" : "he"; }
  std::string_view time() { return rng_.pick(vocab::times()); }
  std::string_view object() { return rng_.pick(vocab::objects()); }
  std::string_view action() { return rng_.pick(vocab::actions()); }

  std::string quote() {
    std::string q(rng_.pick(vocab::quote_openers()));
    put(q, " ", object(), " ", rng_.pick(vocab::quote_endings()));
    return q;
  }

  std::string lede() {
    const std::size_t who = anyone();
    std::string s;
    put(s, place_->country, kApostrophe, "s ", cast_[who].role, " ", mention(who), " ", action(), " ",
        object(), " ", time(), ", ", organisation_, " ", rng_.pick(vocab::speech_verbs()), ".");
    return capitalised(s);
  }

  // A paragraph's opening sentence: mostly quotes, as news copy runs.
  std::string first_sentence() {
    std::string s;
    const std::size_t who = anyone();
    switch (rng_.below(7)) {
      case 0:  // “...,” said Mr X, the role at Org.
        put(s, kOpen, quote(), ",", kClose, " said ", mention(who), ", the ", cast_[who].role, " at ",
            organisation_, ".");
        break;
      case 1:  // Ms X said: “...”
        put(s, "In reference to ", topic_, ", ", mention(who), " said: ", kOpen, quote(), ".", kClose);
        break;
      case 2:  // “...,” Mr X warned in City on Tuesday.
        put(s, kOpen, quote(), ",", kClose, " ", mention(who), " ", rng_.pick(vocab::speech_verbs()), " in ",
            place_->city, " ", time(), ".");
        break;
      case 3:  // an unattributed quote: the previous speaker continues
        put(s, kOpen, quote(), ".", kClose);
        break;
      case 4: s = context(); break;
      case 5: s = background(who); break;
      default:  // a scare quote
        put(s, "State media described the meeting with ", mention(who), " as a ", kOpen,
            rng_.pick(vocab::scare_phrases()), kClose, ", while critics in ", place_->country,
            " said it changed little for ", object(), ".");
        break;
    }
    return s;
  }

  std::string follow_up() {
    std::string s;
    switch (rng_.below(5)) {
      case 0:  // “...,” she added: the last person named
        put(s, kOpen, quote(), ",", kClose, " ", pronoun(), " added.");
        break;
      case 1:
        put(s, "More than ", grouped(rng_.between(2, 900) * 100), " people were evacuated from ",
            other_place_->city, " ", time(), ", ", organisation_, " said.");
        break;
      case 2:
        put(s, "Aid worth $", std::to_string(rng_.between(1, 90)), " million reached ", place_->country,
            " on ", std::to_string(rng_.between(1, 28)), " ", rng_.pick(vocab::months()), ".");
        break;
      case 3:
        put(s, "Diplomats in ", other_place_->city, " said ", topic_, " would be discussed again in ",
            rng_.pick(vocab::months()), " ", std::to_string(rng_.between(2024, 2026)), ".");
        break;
      default:
        put(s, "Analysts at ", other_organisation_, " said ", pronoun(), " was under pressure over ",
            object(), ".");
        break;
    }
    return capitalised(s);
  }

  std::string context() {
    std::string s;
    put(s, "The talks in ", place_->city, " come after ", other_organisation_, " ", action(), " ", object(),
        " ", time(), ", according to officials in ", other_place_->country, ".");
    return s;
  }

  std::string background(std::size_t who) {
    std::string s;
    put(s, mention(who), ", who became ", cast_[who].role, " in ", std::to_string(rng_.between(2005, 2022)),
        ", has repeatedly ", action(), " ", object(), ".");
    return s;
  }

  // A blank line, then the paragraph: one line, or hard-wrapped at spaces.
  void paragraph(const std::string& text) {
    out_ += "\n";
    std::string_view rest = text;
    while (wrap_ && rest.size() > kWrapColumn) {
      std::size_t cut = rest.rfind(' ', kWrapColumn);
      if (cut == std::string_view::npos || cut == 0) cut = rest.find(' ', kWrapColumn);
      if (cut == std::string_view::npos) break;
      put(out_, rest.substr(0, cut), "\n");
      rest.remove_prefix(cut + 1);
    }
    put(out_, rest, "\n");
  }

  std::string& out_;
  Random rng_;
  std::array<Member, 3> cast_;
  std::size_t last_named_ = 0;
  const vocab::Place* place_ = nullptr;
  const vocab::Place* other_place_ = nullptr;
  std::string_view organisation_, other_organisation_, topic_;
  bool wrap_ = false;
};

}  // namespace

void append_seed_article(std::string& out, std::uint64_t corpus_seed, std::uint64_t index) {
  // Mix seed and index so neighbouring articles share no random stream.
  Random mixer(corpus_seed ^ (index * 0xD1B54A32D192ED03ULL));
  ArticleWriter(out, mixer.next()).write();
}

}  // namespace sluice::bench
