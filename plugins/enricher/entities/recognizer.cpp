#include "recognizer.hpp"

#include "credit.hpp"
#include "ner_merge.hpp"
#include "ner_model.hpp"
#include "nlp/name_runs.hpp"
#include "nlp/tokenizer.hpp"
#include "resolver.hpp"

namespace sluice::plugins::entities {

Recognizer::Recognizer(std::string_view extra_gazetteer_tsv)
    : gazetteer_(extra_gazetteer_tsv),
      classifier_(lexicon_, gazetteer_),
      ner_features_(lexicon_, gazetteer_),
      tagger_(english_ner_model(), ner_features_) {}

namespace {

// Counts the words of four letters or more, and those among them that
// `pred` holds for.
template <class Pred>
bool mostly(const nlp::Tokens& tokens, Pred pred) {
  int long_words = 0, matching = 0;
  for (const auto& t : tokens) {
    if (!t.word() || t.end - t.begin < 4) continue;
    ++long_words;
    if (pred(t)) ++matching;
  }
  return long_words >= 3 && matching * 4 >= long_words * 3;
}

}  // namespace

bool title_case_text(const nlp::Tokens& tokens) {
  return mostly(tokens, [](const nlp::Token& t) { return t.capitalised(); });
}

bool all_caps_text(const nlp::Tokens& tokens) {
  return mostly(tokens, [](const nlp::Token& t) { return t.is(nlp::tok::kAllCaps); });
}

std::vector<sdk::Entity> Recognizer::recognize(const sdk::Article& a, const RecognizerOptions& o) const {
  std::vector<Segment> segments;
  segments.reserve(a.body.size() + 2);
  if (o.title && !a.title.empty()) segments.push_back({-1, a.title});
  if (o.caption && !a.caption.empty()) segments.push_back({-2, a.caption});
  for (std::size_t i = 0; i < a.body.size(); ++i) segments.push_back({static_cast<int>(i), a.body[i]});

  // Scratch reused across the article's paragraphs.
  nlp::Tokens tokens;
  std::vector<nlp::NameRun> runs;
  std::vector<Candidate> candidates;
  NerScratch scratch;
  std::vector<NerSpan> spans;
  tokens.reserve(512);
  candidates.reserve(64);
  for (std::uint32_t s = 0; s < segments.size(); ++s) {
    const std::string_view text = segments[s].text;
    nlp::tokenize(text, tokens);
    nlp::find_runs(text, tokens, lexicon_, runs);
    const bool headline = (segments[s].paragraph == -1 && title_case_text(tokens)) || all_caps_text(tokens);
    const std::size_t before = candidates.size();
    for (const auto& r : runs) {
      if (!headline) {
        classifier_.classify(s, text, tokens, r, candidates);
        continue;
      }
      // A title-case headline is one long run of capitals: take it apart
      // into known phrases and single words, which the article-wide pass
      // keeps only when known or seen in the plain text.
      for (std::uint32_t k = r.first; k < r.last;) {
        const GazetteerMatch m = gazetteer_.longest(text, tokens, k, r.last);
        nlp::NameRun sub{k, m.entry ? m.last : k + 1, tokens[k].initial(), false};
        sub.possessive = sub.last == r.last && r.possessive;
        classifier_.classify(s, text, tokens, sub, candidates);
        k = sub.last;
      }
    }
    if (headline)
      for (std::size_t k = before; k < candidates.size(); ++k) candidates[k].title_case = true;
    tagger_.tag(text, tokens, headline, scratch, spans);
    merge_tagged(s, text, tokens, spans, gazetteer_, headline, candidates, before);
  }
  std::vector<sdk::Entity> out;
  resolve(segments, candidates, out);
  if (o.credit) add_credit_mentions(gazetteer_, a.credit, out);
  return out;
}

}  // namespace sluice::plugins::entities
