#include "language_enricher.hpp"

#include <stdexcept>

namespace sluice::plugins::language {
namespace {

Classifier make_classifier(const sdk::Options& options) {
  try {
    return Classifier(options.strings("languages"));
  } catch (const std::invalid_argument& e) {
    std::string known;
    for (const auto code : Classifier::languages()) known += (known.empty() ? "" : ", ") + std::string(code);
    throw sdk::StageError(std::string("option 'languages': ") + e.what() + " (known: " + known + ")");
  }
}

std::size_t non_negative(const sdk::Options& o, const char* name) {
  const std::int64_t v = o.integer(name);
  if (v < 0) throw sdk::StageError("option '" + std::string(name) + "' must not be negative");
  return static_cast<std::size_t>(v);
}

}  // namespace

LanguageEnricher::LanguageEnricher(const sdk::StageInit& init)
    : classifier_(make_classifier(init.options)),
      overwrite_(init.options.boolean("overwrite")),
      max_bytes_(non_negative(init.options, "max_bytes")),
      min_letters_(non_negative(init.options, "min_letters")),
      min_confidence_(init.options.number("min_confidence")) {
  if (min_confidence_ < 0 || min_confidence_ > 1) {
    throw sdk::StageError("option 'min_confidence' must be between 0 and 1");
  }
}

void LanguageEnricher::enrich(sdk::Article& article) {
  // A language the parser read from the document (an HTML lang attribute, a
  // feed's language) is better evidence than statistics.
  if (!article.language.empty() && !overwrite_) return;
  std::vector<std::string_view> texts;
  texts.reserve(article.body.size() + 1);
  if (!article.title.empty()) texts.emplace_back(article.title);
  for (const auto& p : article.body) texts.emplace_back(p);
  const auto guess = classifier_.classify(texts, max_bytes_, min_letters_);
  if (!guess) return;
  article.fields["language_confidence"] = guess->confidence;
  if (guess->confidence >= min_confidence_) article.language = std::string(guess->code);
}

}  // namespace sluice::plugins::language
