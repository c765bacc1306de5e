// Splits one paragraph into tokens and marks sentence starts.
//
// Words keep inner hyphens ("Jong-un", "Soviet-era") and apostrophes
// ("O’Brien", "don’t"); a possessive ’s or a plural’s lone apostrophe is
// split off as its own token so "Pyongyang’s" names Pyongyang. Dotted
// initials ("U.S.", "U.N.") are one word. Straight double quotes are told
// apart as opening or closing by what surrounds them.
#pragma once

#include <string_view>

#include "nlp/token.hpp"

namespace sluice::plugins::nlp {

// Replaces `out` with the tokens of `text` (the vector's capacity is
// reused, so a caller that keeps it allocates once per thread of work).
// Sentence starts are marked as by mark_sentences().
void tokenize(std::string_view text, Tokens& out);

}  // namespace sluice::plugins::nlp
