// Turns what toml++ says about a syntax error into a message a pipeline
// author can act on: toml++ reports where it *noticed* the problem (the line
// after an unclosed array, the end of a bare word), not where the author
// made it, and in the parser's words ("expected 'inf'").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sluice::host::detail {

struct TomlDiagnosis {
  std::uint32_t line = 0;  // 1-based position the message is about
  std::uint32_t column = 0;
  std::string message;
};

// `text` is the whole file; line/column and `description` are toml++'s.
// The result keeps toml++'s own position in the message whenever it moves
// the reported position, so nothing the parser said is lost.
TomlDiagnosis explain_toml_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                                 std::string_view description);

}  // namespace sluice::host::detail
