#include "measure.hpp"

#include "sluice/text_stats/sentences.hpp"
#include "sluice/text_stats/syllables.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::readability {

Counts count(const std::vector<std::string>& paragraphs) {
  Counts c;
  std::vector<text_stats::Span> sentences;
  for (const std::string& p : paragraphs) {
    sentences.clear();
    text_stats::split_sentences(p, sentences);
    c.sentences += static_cast<std::uint32_t>(sentences.size());
    text_stats::for_each_word(p, [&](const text_stats::Word& w) {
      ++c.words;
      c.syllables += static_cast<std::uint32_t>(text_stats::count_syllables(w.in(p)));
    });
  }
  return c;
}

sdk::Readability figures(const Counts& c, double words_per_minute) {
  sdk::Readability r;
  r.words = c.words;
  r.sentences = c.sentences;
  if (c.words == 0) return r;
  const double sentences = c.sentences == 0 ? 1.0 : c.sentences;
  r.reading_minutes = c.words / words_per_minute;
  r.flesch_reading_ease = 206.835 - 1.015 * (c.words / sentences) - 84.6 * (double(c.syllables) / c.words);
  return r;
}

}  // namespace sluice::plugins::readability
