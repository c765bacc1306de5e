// Scoring entity recognition against CoNLL-style annotated text.
//
// The file holds one token and its tag per line ("Shoigu<TAB>B-PER"; tags
// O, B-/I-PER, ORG, LOC, MISC; a bare I- after O starts an entity, as in
// IOB1). A blank line ends a paragraph, "-DOCSTART-" starts a new article.
// Paragraph text is rebuilt from the tokens with ordinary spacing: no
// space before , . ; : ! ? ) ] ” ’s ’ % or a token starting with "-", none
// after ( [ “ $. Scores are exact-span: a predicted mention counts only if
// its paragraph, byte span and type all equal a gold entity's.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "recognizer.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::entities::eval {

struct Span {
  int paragraph = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  sdk::EntityType type = sdk::EntityType::Misc;
  friend bool operator==(const Span&, const Span&) = default;
};

struct Document {
  sdk::Article article;
  std::vector<Span> gold;
};

// Throws std::invalid_argument naming the line of a malformed entry.
std::vector<Document> read_conll(std::string_view text);

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 0 : double(tp) / double(tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct Scores {
  std::array<Counts, 4> by_type;  // indexed by sdk::EntityType
  Counts micro;
  std::vector<std::string> errors;  // "FP ORG 'X' in ...", "FN PER 'Y' in ..." for inspection
};

Scores score(const std::vector<Document>& docs, const Recognizer& recognizer);

// A table: type, precision, recall, F1, support; then the micro average.
std::string report(const Scores& s);

// The mention-multiset measure news NER sets are judged with: per document,
// the gold multiset of (type, mention text) against every predicted
// mention's (type, text); a pair counts once per copy on both sides, so
// offsets do not matter but repetitions do. `spans` ignores the type.
struct MentionScores {
  std::array<Counts, 4> by_type;  // indexed by sdk::EntityType
  Counts typed;                   // micro over the four types
  Counts spans;                   // (mention text) only
  std::vector<std::string> errors;
};

MentionScores score_mentions(const std::vector<Document>& docs, const Recognizer& recognizer);

// The table: typed all, PER, ORG, LOC, MISC, spans only.
std::string report(const MentionScores& s);

}  // namespace sluice::plugins::entities::eval
