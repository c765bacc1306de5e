// The features the trained tagger sees for each token of a paragraph, the
// same at training (tools/train_ner.cpp) and at run time (ner_tagger.hpp):
// the word, lower-cased, its shape ("Xx", "X.X.", "Xd"), prefix and
// suffixes, the words and shapes two either side, word pairs, the
// capitalisation of the neighbours, position in the sentence, whether the
// paragraph is a headline, membership of the gazetteers (which type of
// known phrase the word begins or continues) and given names, and the
// lexicon's word classes (titles, roles, head words) around it.
//
// Only "open" tokens get features and may be tagged as part of a name:
// words with a capital letter, the short lower-case words and marks
// between two of them ("Bank of England", "AT&T") and a number just before
// one ("2014 World Cup"). Everything else is outside any name, which keeps
// the tagger's cost to the few tokens that matter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/sequence_model.hpp"
#include "nlp/token.hpp"

namespace sluice::plugins::entities {

// Per-paragraph scratch space, reused across paragraphs of one call.
struct NerFeatureSet {
  std::vector<std::uint8_t> open;    // per token: 0 outside names, 1 capitalised, 2 bridging word or mark
  std::vector<std::uint32_t> first;  // per token: its features are ids[first[k], first[k + 1])
  std::vector<nlp::FeatureId> ids;
  // Internal: per-token lower-cased text and shape (offsets into arena) and
  // their hashes, gazetteer tags, word classes, given names.
  std::string arena;
  std::vector<std::uint32_t> lower, shape, lower_len;
  std::vector<std::uint64_t> lower_hash, shape_hash;
  std::vector<std::uint8_t> gaz;
  std::vector<std::uint8_t> near;  // within two tokens of an open one
  std::vector<std::uint16_t> classes;
  std::vector<std::uint8_t> given;  // a capitalised given name
};

class NerFeatures {
 public:
  NerFeatures(const nlp::Lexicon& lex, const Gazetteer& gaz) : lex_(lex), gaz_(gaz) {}

  // `headline`: the paragraph is set in title case or capitals.
  void extract(std::string_view text, const nlp::Tokens& tokens, bool headline, NerFeatureSet& out) const;

 private:
  const nlp::Lexicon& lex_;
  const Gazetteer& gaz_;
};

}  // namespace sluice::plugins::entities
