// Syllable counts for readability formulas.
#pragma once

#include <string_view>

namespace sluice::plugins::text_stats {

// Estimated syllables of one English word (ASCII case does not matter): groups of vowels
// (a e i o u y), less a silent final "e" ("make") or "es"/"ed" after a
// consonant ("makes", "liked"), plus the "le" of "table"; at least 1.
// Non-ASCII letters count as vowels in groups, which keeps other Latin
// languages roughly right. Digits-only words count 1 per digit group.
int count_syllables(std::string_view word);

}  // namespace sluice::plugins::text_stats
