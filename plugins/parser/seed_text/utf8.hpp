// UTF-8 validation and repair for text that must stay valid whatever bytes
// arrived. Kept here until the SDK offers a shared version.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sluice::plugins::seed_text::utf8 {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes the well-formed UTF-8 sequence starting at text[i] into `code_point`
// and returns its length (1 to 4). Returns 0 for a byte that does not start a
// well-formed sequence: a stray continuation byte, a truncated sequence, an
// overlong form, a surrogate or a value above U+10FFFF.
std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point);

// Appends `text` to `out`, each byte that decode() rejects replaced by U+FFFD
// (one replacement per bad byte, as the SDK's JSON writer does). Returns the
// number of bytes replaced.
std::size_t append_sanitized(std::string& out, std::string_view text);

// True for the non-ASCII Unicode White_Space characters (no-break spaces,
// em spaces, line separators ...) and U+FEFF, a byte-order mark that ended up
// inside the text. They only ever separate words, so text normalisation
// treats them like an ASCII space.
bool is_space(char32_t code_point);

}  // namespace sluice::plugins::seed_text::utf8
