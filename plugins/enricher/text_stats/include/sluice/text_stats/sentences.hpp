// Sentence boundaries inside one paragraph, for readability counts and
// extractive summaries.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sluice::plugins::text_stats {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // exclusive
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Appends the sentences of `paragraph` to `out`. A sentence ends at . ! ? or
// … (plus any closing quotes or brackets) when white space and then
// something other than a lower-case letter follow. A full stop after a
// common abbreviation ("Mr.", "Dr.", "etc."), an initial ("J.") or dotted
// letters ("U.S.") does not end one. Spans exclude surrounding white space.
void split_sentences(std::string_view paragraph, std::vector<Span>& out);

}  // namespace sluice::plugins::text_stats
