#include "sentence_scores.hpp"

#include <algorithm>
#include <cmath>

#include "sluice/text_stats/case_fold.hpp"
#include "sluice/text_stats/flat_map.hpp"
#include "sluice/text_stats/sentences.hpp"
#include "sluice/text_stats/stopwords.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::summary {
namespace {

// Content words of one sentence: ids[begin, end) of one shared vector of
// ids into the article's vocabulary (one allocation per article, not per
// sentence).
struct SentenceWords {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t words = 0;
};

}  // namespace

std::vector<ScoredSentence> score_sentences(const std::vector<std::string>& paragraphs,
                                            std::string_view language, double position_weight,
                                            std::uint32_t min_words) {
  const text_stats::StringTable& stop = text_stats::stopwords(language);
  // Words by the hash of their folded form: no string is kept per word.
  text_stats::FlatMap<std::uint32_t> vocabulary(512);
  std::vector<std::uint32_t> tf;
  std::vector<ScoredSentence> out;
  std::vector<SentenceWords> words;
  std::vector<std::uint32_t> ids;
  std::vector<text_stats::Span> spans;
  std::string folded;

  for (std::uint32_t p = 0; p < paragraphs.size(); ++p) {
    const std::string_view text = paragraphs[p];
    spans.clear();
    text_stats::split_sentences(text, spans);
    for (const auto& span : spans) {
      out.push_back({p, span.begin, span.end, 0});
      SentenceWords& sw = words.emplace_back();
      sw.begin = static_cast<std::uint32_t>(ids.size());
      text_stats::for_each_word(span.in(text), [&](const text_stats::Word& w) {
        ++sw.words;
        if (w.numeric) return;
        const std::string_view word = text_stats::fold_view(w.in(span.in(text)), folded);
        const std::uint64_t h = text_stats::StringTable::hash(word);
        if (stop.contains(word, h)) return;
        // Ids start at 1 so that 0 marks a word not seen before.
        std::uint32_t& id = vocabulary[h];
        if (id == 0) {
          tf.push_back(0);
          id = static_cast<std::uint32_t>(tf.size());
        }
        ++tf[id - 1];
        ids.push_back(id - 1);
      });
      sw.end = static_cast<std::uint32_t>(ids.size());
    }
  }
  if (tf.empty()) return out;
  const double max_tf = *std::max_element(tf.begin(), tf.end());

  for (std::size_t i = 0; i < out.size(); ++i) {
    SentenceWords& sw = words[i];
    if (sw.words < min_words || sw.begin == sw.end) continue;
    const double content = sw.end - sw.begin;
    const auto first = ids.begin() + sw.begin;
    std::sort(first, ids.begin() + sw.end);
    const auto last = std::unique(first, ids.begin() + sw.end);
    double sum = 0;
    for (auto it = first; it != last; ++it) sum += tf[*it] / max_tf;
    out[i].score = sum / std::sqrt(content) * (1 + position_weight / (1.0 + static_cast<double>(i)));
  }
  return out;
}

}  // namespace sluice::plugins::summary
