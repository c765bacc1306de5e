#include "gazetteer.hpp"

#include <string>
#include <vector>

#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::places {
namespace {
#include "gazetteer.inc"
}  // namespace

Gazetteer::Gazetteer() {
  for (std::uint32_t row = 0; row < std::size(kGazetteer); ++row) {
    const std::string name = kGazetteer[row].match;
    add(name, row);
    // Texts write "People’s" with a typographic apostrophe as often as not.
    if (const std::size_t q = name.find('\''); q != std::string::npos) {
      std::string curly = name;
      curly.replace(q, 1, "\xE2\x80\x99");
      add(curly, row);
    }
  }
}

void Gazetteer::add(std::string_view name, std::uint32_t row) {
  names_.insert(name, row);  // the first row for a name wins (ISO before aliases)
  std::vector<text_stats::Word> words;
  text_stats::split_words(name, words);
  if (words.empty()) return;
  const std::string_view first = words.front().in(name);
  const auto n = static_cast<std::uint32_t>(words.size());
  if (const auto at = first_words_.find(first)) {
    if (longest_[*at] < n) longest_[*at] = n;
  } else {
    first_words_.insert(first, static_cast<std::uint32_t>(longest_.size()));
    longest_.push_back(n);
  }
}

const GazetteerRow* Gazetteer::find(std::string_view span) const {
  const auto row = names_.find(span);
  return row ? &kGazetteer[*row] : nullptr;
}

std::uint32_t Gazetteer::longest_starting_with(std::string_view first) const {
  const auto at = first_words_.find(first);
  return at ? longest_[*at] : 0;
}

}  // namespace sluice::plugins::places
