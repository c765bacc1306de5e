// Case-insensitive string maps without per-lookup allocation.
//
// Keys are compared "folded": ASCII letters lower-cased, any run of white
// space as one space, the typographic apostrophe ’ as ' and the Unicode
// hyphens as '-'. A lookup can therefore pass a span of the original text
// ("North  Korea’s" minus the possessive) straight in: nothing is copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sluice::plugins::nlp {

// Walks the folded form of a string one byte at a time.
class FoldedBytes {
 public:
  explicit FoldedBytes(std::string_view s) : s_(s) {}
  // The next folded byte, or -1 at the end.
  int next() {
    if (i_ >= s_.size()) return -1;
    const auto c = static_cast<unsigned char>(s_[i_]);
    if (c > 0x20 && c < 0x80) {  // the common case: printable ASCII
      ++i_;
      return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    }
    return next_special(c);
  }

 private:
  int next_special(unsigned char c);
  std::string_view s_;
  std::size_t i_ = 0;
};

// The folded form as a string (for building keys once, at load time).
std::string fold(std::string_view s);

struct FoldedHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const;
};

struct FoldedEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

template <class V>
using FoldedMap = std::unordered_map<std::string, V, FoldedHash, FoldedEqual>;
using FoldedSet = std::unordered_set<std::string, FoldedHash, FoldedEqual>;
// Keyed by views into text that outlives the container (per-article use).
template <class V>
using FoldedViewMap = std::unordered_map<std::string_view, V, FoldedHash, FoldedEqual>;
using FoldedViewSet = std::unordered_set<std::string_view, FoldedHash, FoldedEqual>;

// Calls fn(line) for each line of embedded list data that is neither
// blank nor a '#' comment, with surrounding white space trimmed.
template <class Fn>
void for_each_line(std::string_view data, Fn&& fn) {
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty() && line.front() != '#') fn(line);
    start = end + 1;
  }
}

// Splits a tab-separated line into at most N fields; returns the count.
template <std::size_t N>
std::size_t split_tabs(std::string_view line, std::string_view (&fields)[N]) {
  std::size_t n = 0;
  while (n < N) {
    const std::size_t tab = line.find('\t');
    fields[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return n;
}

}  // namespace sluice::plugins::nlp
