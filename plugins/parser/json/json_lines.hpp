// JSON Lines: telling them apart from one JSON document, and cutting them.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sluice::plugins::json {

struct Line {
  std::size_t number = 0;  // 1-based, as an editor shows it
  std::string_view text;   // without the line end; never blank
};

// The non-blank lines of `text`.
std::vector<Line> split_lines(std::string_view text);

// The first non-blank line, or one with empty text when there is none.
Line first_line(std::string_view text);

// JSON Lines by name: a `.jsonl`/`.ndjson` key or a JSON Lines content type.
bool named_json_lines(std::string_view key, std::string_view content_type);

}  // namespace sluice::plugins::json
