// Scoring the sentences of an article for an extractive summary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::summary {

struct ScoredSentence {
  std::uint32_t paragraph = 0;
  std::uint32_t begin = 0;  // byte offsets into the paragraph
  std::uint32_t end = 0;
  double score = 0;
};

// Every sentence of `paragraphs` in order, scored:
//
//   score = (sum over the sentence's distinct content words of tf / max_tf)
//           / sqrt(content words in the sentence)
//           * (1 + position_weight / (1 + sentence index))
//
// Content words are words that are neither stopwords of `language` nor
// numbers; tf counts them over the whole body. The square root rewards
// sentences dense in the article's frequent words without letting length
// alone win; the position factor carries the news lede. Sentences with
// fewer than `min_words` words score 0.
std::vector<ScoredSentence> score_sentences(const std::vector<std::string>& paragraphs,
                                            std::string_view language, double position_weight,
                                            std::uint32_t min_words);

}  // namespace sluice::plugins::summary
