#include "config/toml_diagnostics.hpp"

#include <vector>

namespace sluice::host::detail {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Brackets opened minus closed on one line, outside strings and comments.
int bracket_balance(std::string_view line, std::size_t* first_open) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == '\\' && quote == '"')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '#') break;
    if (c == '"' || c == '\'') quote = c;
    if (c == '[') {
      if (depth == 0 && first_open) *first_open = i;
      ++depth;
    }
    if (c == ']') --depth;
  }
  return depth;
}

// `key = [` on an earlier line that the following lines never close: the
// line the author has to fix. Searches back from the line toml++ stopped at.
bool find_unclosed_array(const std::vector<std::string_view>& lines, std::uint32_t stop_line,
                         std::uint32_t& line, std::uint32_t& column) {
  int balance = 0;
  for (std::uint32_t n = stop_line; n >= 1; --n) {
    const auto text = lines[n - 1];
    std::size_t open = 0;
    // The line toml++ stopped on is the one that broke the array, not part of it.
    if (n != stop_line) balance += bracket_balance(text, &open);
    const auto eq = text.find('=');
    if (balance > 0 && eq != std::string_view::npos && text.find('[', eq) != std::string_view::npos) {
      line = n;
      column = static_cast<std::uint32_t>(text.find('[', eq) + 1);
      return true;
    }
    if (n == 1) break;
  }
  return false;
}

// The value after `key =` on a line, and where it starts.
bool value_on_line(std::string_view text, std::string_view& key, std::string_view& value,
                   std::uint32_t& column) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) return false;
  key = text.substr(0, eq);
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
  while (!key.empty() && (key.front() == ' ' || key.front() == '\t')) key.remove_prefix(1);
  auto start = text.find_first_not_of(" \t", eq + 1);
  if (start == std::string_view::npos || key.empty()) return false;
  value = text.substr(start);
  if (const auto hash = value.find(" #"); hash != std::string_view::npos) value = value.substr(0, hash);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
    value.remove_suffix(1);
  column = static_cast<std::uint32_t>(start + 1);
  return !value.empty();
}

bool starts_like_bare_word(std::string_view value) {
  const char c = value.front();
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '/' || c == '.' || c == '~' || c == '$';
}

std::string where(std::uint32_t line, std::uint32_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

TomlDiagnosis explain_toml_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                                 std::string_view description) {
  // toml++ quotes what it saw, newline included; one error stays one line.
  std::string said;
  for (char c : description) said += c == '\n' ? std::string("\\n") : std::string(1, c);
  description = said;
  TomlDiagnosis out{line, column, said};
  const auto lines = split_lines(text);
  if (line == 0 || line > lines.size()) return out;
  const std::string parser_said =
      " (the TOML parser stopped at " + where(line, column) + ": " + std::string(description) + ")";

  if (contains(description, "while parsing array")) {
    std::uint32_t open_line = 0, open_column = 0;
    if (find_unclosed_array(lines, line, open_line, open_column) && open_line != line) {
      out.line = open_line;
      out.column = open_column;
      out.message = "this array is not closed: a ',' or ']' is missing before line " + std::to_string(line) +
                    parser_said;
    }
    return out;
  }

  std::string_view key, value;
  std::uint32_t value_column = 0;
  if (!value_on_line(lines[line - 1], key, value, value_column)) return out;

  const bool parser_guessed_a_literal = contains(description, "while parsing floating-point") ||
                                        contains(description, "while parsing boolean") ||
                                        contains(description, "could not determine value type") ||
                                        contains(description, "while parsing integer");
  if (contains(description, "while parsing boolean")) {
    out.column = value_column;
    out.message = "the value of '" + std::string(key) +
                  "' is not valid TOML: write true or false, or put a string in "
                  "quotes" +
                  parser_said;
    return out;
  }
  if (parser_guessed_a_literal && starts_like_bare_word(value) && value != "true" && value != "false") {
    out.column = value_column;
    out.message = "the value of '" + std::string(key) +
                  "' is not valid TOML; a string needs quotes: " + std::string(key) + " = \"" +
                  std::string(value) + "\"" + parser_said;
    return out;
  }
  if (contains(description, "while parsing string") && contains(description, "control characters")) {
    out.column = value_column;
    out.message =
        "the string of '" + std::string(key) +
        "' is not closed on its line (a \"...\" string ends on the line it starts; use \"\"\"...\"\"\" "
        "for text over several lines)" +
        parser_said;
  }
  return out;
}

}  // namespace sluice::host::detail
