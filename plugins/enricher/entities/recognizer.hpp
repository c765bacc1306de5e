// Named-entity recognition for one article: tokenize each text (title,
// caption, body paragraphs), find capitalised runs and type them paragraph
// by paragraph (run_classifier.hpp), let the trained tagger decide names
// and types (ner_tagger.hpp, ner_merge.hpp), then settle types and
// canonical names article-wide (resolver.hpp). Immutable after construction: one
// Recognizer serves any number of threads.
#pragma once

#include <string_view>
#include <vector>

#include "gazetteer.hpp"
#include "ner_features.hpp"
#include "ner_tagger.hpp"
#include "nlp/lexicon.hpp"
#include "run_classifier.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::entities {

struct RecognizerOptions {
  bool title = true;    // look at the title (paragraph -1)
  bool caption = true;  // look at the photo caption (paragraph -2)
  bool credit = true;   // known agencies in the photo credit (paragraph -3)
};

class Recognizer {
 public:
  explicit Recognizer(std::string_view extra_gazetteer_tsv = {});
  // The classifier refers to the lexicon and gazetteer members: no copies.
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  std::vector<sdk::Entity> recognize(const sdk::Article& article,
                                     const RecognizerOptions& options = {}) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  nlp::Lexicon lexicon_;
  Gazetteer gazetteer_;
  RunClassifier classifier_;
  NerFeatures ner_features_;
  NerTagger tagger_;
};

// True when a text reads like a headline in title case ("Russia’s Defence
// Minister Visits North Korea"): there capitals say nothing about names.
bool title_case_text(const nlp::Tokens& tokens);
// True when a text is set in capitals ("SOCCER - JAPAN GET LUCKY WIN"), in
// any paragraph: treated like a title-case headline.
bool all_caps_text(const nlp::Tokens& tokens);

}  // namespace sluice::plugins::entities
