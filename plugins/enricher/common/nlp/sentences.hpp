// Sentence boundaries over tokens: a full stop, question or exclamation
// mark (or ellipsis) followed, after any closing quotes and brackets, by a
// capitalised word, an opening quote or a number. A full stop after a
// known abbreviation ("Mr.", "Gen.", "Inc.") or a single initial ("J.")
// ends nothing; after dotted initials ("U.S.") it ends the sentence only
// when a capitalised function word follows ("... the U.S. The talks").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "nlp/token.hpp"

namespace sluice::plugins::nlp {

// Sets tok::kSentenceStart on each sentence's first word, tok::kSentenceEnd
// on the punctuation that ends one, and tok::kQuoteStart on the first word
// after an opening quote mark. tokenize() already calls it.
void mark_sentences(std::string_view text, Tokens& tokens);

struct Sentence {
  std::uint32_t first = 0;  // token index
  std::uint32_t last = 0;   // token index, exclusive
  std::uint32_t begin = 0;  // byte offsets in the paragraph
  std::uint32_t end = 0;
};

// The sentences of a tokenized paragraph, in order; every token belongs to
// exactly one.
void sentences(const Tokens& tokens, std::vector<Sentence>& out);

// True for words whose full stop does not end a sentence ("Mr", "Gen").
bool is_abbreviation(std::string_view word);

}  // namespace sluice::plugins::nlp
