#include "keywords_enricher.hpp"

#include "candidates.hpp"
#include "sluice/text_stats/stopwords.hpp"

namespace sluice::plugins::keywords {
namespace {

std::uint32_t positive(const sdk::Options& o, const char* name, std::int64_t max) {
  const std::int64_t v = o.integer(name);
  if (v < 1 || v > max) {
    throw sdk::StageError("option '" + std::string(name) + "' must be between 1 and " + std::to_string(max));
  }
  return static_cast<std::uint32_t>(v);
}

}  // namespace

KeywordsEnricher::KeywordsEnricher(const sdk::StageInit& init)
    : max_words_(positive(init.options, "max_words", kMaxWords)) {
  rank_.top = positive(init.options, "top", 1000);
  rank_.min_phrase_count = positive(init.options, "min_phrase_count", 1000);
  const std::int64_t min_documents = init.options.integer("min_documents");
  if (min_documents < 0) throw sdk::StageError("option 'min_documents' must not be negative");
  min_documents_ = static_cast<std::uint64_t>(min_documents);
  if (init.options.boolean("document_frequencies") && init.state != nullptr) {
    df_ = std::make_unique<DocumentFrequencies>(init.state);
  }
}

void KeywordsEnricher::enrich(sdk::Article& article) {
  std::vector<std::string_view> texts;
  texts.reserve(article.body.size() + 1);
  if (!article.title.empty()) texts.emplace_back(article.title);
  for (const auto& p : article.body) texts.emplace_back(p);
  const Candidates candidates = collect(texts, text_stats::stopwords(article.language), max_words_);
  const auto plain_counts = [](const Token&) { return 1.0; };

  if (!df_) {
    article.keywords = rank(candidates, plain_counts, rank_);
    return;
  }
  // The article's distinct words, told apart by the hash collect() already
  // took of each folded word (as its phrases are): cheaper than sorting the
  // words as strings. `position` maps a word's hash to its index + 1 in
  // `words`, and so in the counts read back.
  text_stats::FlatMap<std::uint32_t> position(candidates.tokens.size());
  std::vector<std::string_view> words;
  words.reserve(candidates.tokens.size());
  for (const Token& t : candidates.tokens) {
    std::uint32_t& at = position[t.hash];
    if (at != 0) continue;
    words.push_back(t.folded);
    at = static_cast<std::uint32_t>(words.size());
  }
  const auto snap = df_->read_and_count(article.id, words);
  // Until enough articles were counted, IDF would be noise: plain counts.
  if (snap.documents < min_documents_) {
    article.keywords = rank(candidates, plain_counts, rank_);
    return;
  }
  article.keywords = rank(
      candidates, [&](const Token& t) { return idf(snap.documents, snap.df[*position.find(t.hash) - 1]); },
      rank_);
}

}  // namespace sluice::plugins::keywords
