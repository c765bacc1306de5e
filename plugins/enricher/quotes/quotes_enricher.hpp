// The `quotes` enricher: fills Article::quotes with the direct quotations
// of the body, each with its speaker's canonical name (attribution.hpp),
// in reading order. Whatever quotes the article held before are replaced.
//
// Speakers come from Article::entities when the `entities` enricher ran
// earlier in the chain, else from capitalised names (speakers.hpp).
// Pronouns ("he added") resolve to the last named person who spoke, else
// the last person named. A paragraph that opens with an unattributed
// quotation continues the previous paragraph's speaker; a later
// unattributed quotation in a paragraph continues that paragraph's.
// A short quotation (at most `scare_max_words` words) that nothing
// attributes is a scare quote: scare = true, no speaker.
#pragma once

#include <cstdint>

#include "nlp/lexicon.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::quotes {

struct QuoteOptions {
  std::uint32_t scare_max_words = 3;
  bool keep_scare = true;
};

// The quotations of an article (the enricher's work, without the stage).
std::vector<sdk::Quote> find_article_quotes(const sdk::Article& article, const nlp::Lexicon& lex,
                                            const QuoteOptions& options);

class QuotesEnricher : public sdk::Enricher {
 public:
  explicit QuotesEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  nlp::Lexicon lexicon_;
  QuoteOptions options_;
};

}  // namespace sluice::plugins::quotes
