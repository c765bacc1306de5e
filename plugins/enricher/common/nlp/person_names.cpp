#include "nlp/person_names.hpp"

#include "nlp/folded_map.hpp"

namespace sluice::plugins::nlp {
namespace {

std::string_view first_word(std::string_view s) { return s.substr(0, s.find(' ')); }
std::string_view last_word(std::string_view s) {
  const auto sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}
struct Name {
  std::string_view first, last;
  std::size_t first_hash, last_hash;  // folded: most comparisons end here
  bool multiword;
};

struct First {
  std::string_view operator()(const Name& n) const { return n.first; }
  std::size_t hash(const Name& n) const { return n.first_hash; }
};
struct Last {
  std::string_view operator()(const Name& n) const { return n.last; }
  std::size_t hash(const Name& n) const { return n.last_hash; }
};

// The full name for one-word name `i` among multi-word names whose `part`
// equals it: nearest before, else first after; UINT32_MAX when none.
template <class Part>
std::uint32_t match(const std::vector<Name>& names, std::uint32_t i, Part part) {
  const FoldedEqual eq;
  auto same = [&](std::uint32_t j) {
    return names[j].multiword && part.hash(names[j]) == names[i].first_hash &&
           eq(part(names[j]), names[i].first);
  };
  for (std::uint32_t j = i; j-- > 0;)
    if (same(j)) return j;
  for (std::uint32_t j = i + 1; j < names.size(); ++j)
    if (same(j)) return j;
  return UINT32_MAX;
}

}  // namespace

void resolve_person_names(const std::vector<std::string_view>& text, std::vector<std::uint32_t>& canonical) {
  const auto n = static_cast<std::uint32_t>(text.size());
  std::vector<Name> names(n);
  const FoldedHash hash;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string_view f = first_word(text[i]), l = last_word(text[i]);
    names[i] = Name{f, l, hash(f), hash(l), text[i].find(' ') != std::string_view::npos};
  }
  canonical.assign(n, 0);
  const FoldedEqual eq;
  for (std::uint32_t i = 0; i < n; ++i) {
    canonical[i] = i;
    if (names[i].multiword) {
      // The longest name sharing first and last word is the canonical one.
      std::size_t best = text[i].size();
      for (std::uint32_t j = 0; j < n; ++j) {
        if (text[j].size() > best && names[j].multiword && names[j].first_hash == names[i].first_hash &&
            names[j].last_hash == names[i].last_hash && eq(names[j].first, names[i].first) &&
            eq(names[j].last, names[i].last)) {
          best = text[j].size();
          canonical[i] = j;
        }
      }
      continue;
    }
    std::uint32_t j = match(names, i, Last{});
    if (j == UINT32_MAX) j = match(names, i, First{});
    if (j != UINT32_MAX) canonical[i] = j;
  }
  // A short form may have matched a name that itself has a longer form.
  for (std::uint32_t i = 0; i < n; ++i) canonical[i] = canonical[canonical[i]];
}

}  // namespace sluice::plugins::nlp
