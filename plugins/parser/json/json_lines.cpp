#include "json_lines.hpp"

namespace sluice::plugins::json {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] + 32) : s[i];
    if (c != suffix[i]) return false;
  }
  return true;
}

// Calls `each(line)` for every non-blank line until it returns false.
template <class Fn>
void for_each_line(std::string_view text, Fn&& each) {
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    const std::string_view line = text.substr(pos, end - pos);
    if (!blank(line) && !each(Line{number, line})) return;
    pos = end + 1;
  }
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for_each_line(text, [&](const Line& l) {
    lines.push_back(l);
    return true;
  });
  return lines;
}

Line first_line(std::string_view text) {
  Line first;
  for_each_line(text, [&](const Line& l) {
    first = l;
    return false;
  });
  return first;
}

bool named_json_lines(std::string_view key, std::string_view content_type) {
  const std::string_view mime = content_type.substr(0, content_type.find(';'));
  for (const std::string_view lines_type : {"application/x-ndjson", "application/ndjson", "application/jsonl",
                                            "application/x-jsonlines", "application/jsonlines"}) {
    if (ends_with_ignoring_case(mime, lines_type) && mime.size() == lines_type.size()) return true;
  }
  return ends_with_ignoring_case(key, ".jsonl") || ends_with_ignoring_case(key, ".ndjson") ||
         ends_with_ignoring_case(key, ".jsonl.txt");
}

}  // namespace sluice::plugins::json
