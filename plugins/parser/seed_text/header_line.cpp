#include "header_line.hpp"

#include <algorithm>
#include <chrono>

namespace sluice::plugins::seed_text {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with_word_date(std::string_view text) {
  static constexpr std::string_view kWord = "date";
  if (text.size() <= kWord.size() || text[kWord.size()] != ' ') return false;
  for (std::size_t i = 0; i < kWord.size(); ++i) {
    if ((text[i] | 0x20) != kWord[i]) return false;  // ASCII case folding
  }
  return true;
}

int number(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return false;
  }
  const std::chrono::year_month_day date{std::chrono::year{number(text.substr(0, 4))},
                                         std::chrono::month{static_cast<unsigned>(number(text.substr(5, 2)))},
                                         std::chrono::day{static_cast<unsigned>(number(text.substr(8, 2)))}};
  return date.ok();
}

std::optional<Header> parse_header(std::string_view paragraph) {
  if (!starts_with_word_date(paragraph)) return std::nullopt;
  std::string_view rest = paragraph.substr(5);  // after "date "
  if (rest.empty() || !is_digit(rest.front())) return std::nullopt;

  Header header;
  const std::size_t token_end = std::min(rest.find(' '), rest.size());
  header.date_raw = rest.substr(0, token_end);
  if (is_iso_date(header.date_raw)) header.date = header.date_raw;

  // `tail` keeps the space before the caption so that "date D - AFP" (no
  // caption) still finds its " - ".
  std::string_view tail = rest.substr(token_end);
  static constexpr std::string_view kSeparator = " - ";
  if (const std::size_t split = tail.rfind(kSeparator); split != std::string_view::npos) {
    header.credit = tail.substr(split + kSeparator.size());
    tail = tail.substr(0, split);
  } else if (tail.ends_with(" -")) {  // a credit left blank
    tail.remove_suffix(2);
  }
  if (!tail.empty()) tail.remove_prefix(1);  // the space after the date
  header.caption = tail;
  return header;
}

}  // namespace sluice::plugins::seed_text
