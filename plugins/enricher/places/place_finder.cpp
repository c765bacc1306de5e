#include "place_finder.hpp"

#include <algorithm>

#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::places {
namespace {

// Words i..i+n-1 are separated by single spaces only (apart from a
// possessive inside, as in "People's"), so together they can be a name.
bool joined(std::string_view text, const std::vector<text_stats::Word>& w, std::size_t i, std::size_t n) {
  for (std::size_t k = i + 1; k < i + n; ++k) {
    const std::string_view gap = text.substr(w[k - 1].end, w[k].begin - w[k - 1].end);
    if (gap != " " && !(w[k - 1].possessive && (gap == "'s " || gap == "\xE2\x80\x99s "))) return false;
  }
  return true;
}

}  // namespace

std::vector<PlaceCount> count_places(const Gazetteer& gazetteer, const std::vector<std::string_view>& texts,
                                     bool cities) {
  std::vector<PlaceCount> out;
  std::uint32_t order = 0;
  const auto count = [&](const GazetteerRow* row) {
    if (row->type == PlaceType::City && !cities) return;
    for (PlaceCount& p : out) {
      if (p.place->type == row->type && std::string_view(p.place->code) == row->code &&
          (row->type == PlaceType::Country || std::string_view(p.place->display) == row->display)) {
        ++p.count;
        return;
      }
    }
    out.push_back({row, 1, order++});
  };

  std::vector<text_stats::Word> words;
  for (const std::string_view text : texts) {
    words.clear();
    text_stats::split_words(text, words);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!words[i].capitalized) continue;
      const std::size_t longest = gazetteer.longest_starting_with(words[i].in(text));
      bool matched = false;
      for (std::size_t n = std::min(longest, words.size() - i); n >= 1; --n) {
        if (!joined(text, words, i, n)) continue;
        const std::string_view span = text.substr(words[i].begin, words[i + n - 1].end - words[i].begin);
        if (const GazetteerRow* row = gazetteer.find(span)) {
          count(row);
          i += n - 1;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      // "US-led", "Russia-Ukraine": the parts of a hyphenated word.
      const std::string_view word = words[i].in(text);
      if (word.find('-') == std::string_view::npos) continue;
      std::size_t start = 0;
      while (start <= word.size()) {
        std::size_t end = word.find('-', start);
        if (end == std::string_view::npos) end = word.size();
        if (const GazetteerRow* row = gazetteer.find(word.substr(start, end - start))) count(row);
        start = end + 1;
      }
    }
  }
  // Most mentioned first; ties in order of first mention.
  std::stable_sort(out.begin(), out.end(),
                   [](const PlaceCount& a, const PlaceCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace sluice::plugins::places
