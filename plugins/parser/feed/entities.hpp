// HTML character references (&amp; &eacute; &#8220; &#x201D;).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sluice::plugins::feed {

// The code point of a named entity without '&' and ';' ("eacute"), or
// nothing for a name HTML 4 does not define.
std::optional<char32_t> named_entity(std::string_view name);

// A numeric reference's value as browsers read it: 0x80..0x9F are the
// windows-1252 characters, NUL, surrogates and values past U+10FFFF U+FFFD.
char32_t numeric_entity(std::uint64_t value);

// Decodes the reference starting at s[i] (which is '&') onto `out` and
// returns its length, or returns 0 (appending nothing) when s[i] does not
// start a reference: a bare ampersand.
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out);

}  // namespace sluice::plugins::feed
