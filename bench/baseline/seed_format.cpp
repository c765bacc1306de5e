#include "seed_format.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sluice/sdk/utf8.hpp"

namespace sluice::bench::baseline {
namespace {

bool plain_word_byte(unsigned char c) { return c > 0x20 && c < 0x7F; }

// Paragraphs in one pass: words joined by single spaces, a line without
// words ending the paragraph, invalid UTF-8 bytes replaced by U+FFFD. Runs
// of plain ASCII words with single spaces between them, most of any news
// text, are already normal and are copied at once.
std::vector<std::string> split(std::string_view text, std::size_t& replaced) {
  const bool mac = text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos;
  const unsigned char line_end = mac ? '\r' : '\n';
  std::vector<std::string> paragraphs;
  std::string current;
  bool line_has_word = false, space_pending = false;
  auto word_bytes = [&](std::string_view bytes) {
    if (space_pending && !current.empty()) current.push_back(' ');
    space_pending = false;
    line_has_word = true;
    current.append(bytes);
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (plain_word_byte(c)) {
      std::size_t end = i + 1;
      for (;;) {
        while (end < n && plain_word_byte(static_cast<unsigned char>(text[end]))) ++end;
        if (end + 1 >= n || text[end] != ' ' || !plain_word_byte(static_cast<unsigned char>(text[end + 1])))
          break;
        end += 2;
      }
      word_bytes(text.substr(i, end - i));
      i = end;
    } else if (c == line_end) {
      if (!line_has_word && !current.empty()) paragraphs.push_back(std::exchange(current, {}));
      line_has_word = false;
      space_pending = true;
      ++i;
    } else if (c < 0x80) {  // ASCII blank or control character
      space_pending = true;
      ++i;
    } else {
      char32_t cp = 0;
      const std::size_t length = sdk::utf8::decode(text, i, cp);
      if (length == 0) {
        word_bytes(sdk::utf8::kReplacement);
        ++replaced;
        ++i;
      } else {
        if (sdk::utf8::is_space(cp)) {
          space_pending = true;
        } else {
          word_bytes(text.substr(i, length));
        }
        i += length;
      }
    }
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// A real calendar date written exactly YYYY-MM-DD.
bool is_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(t[i])) return false;
  const int year = number(t.substr(0, 4)), month = number(t.substr(5, 2)), day = number(t.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// "date <token> <caption> - <credit>": the word "date" in any case, then a
// token starting with a digit; caption and credit split at the last " - ".
bool parse_header(std::string_view p, sdk::Article& a) {
  if (p.size() <= 5 || p[4] != ' ') return false;
  for (std::size_t i = 0; i < 4; ++i)
    if ((p[i] | 0x20) != "date"[i]) return false;
  std::string_view rest = p.substr(5);
  if (rest.empty() || !is_digit(rest.front())) return false;
  const std::size_t token_end = std::min(rest.find(' '), rest.size());
  a.published_raw = rest.substr(0, token_end);
  if (is_iso_date(a.published_raw)) a.published = a.published_raw;
  std::string_view tail = rest.substr(token_end);
  if (const std::size_t split = tail.rfind(" - "); split != std::string_view::npos) {
    a.credit = tail.substr(split + 3);
    tail = tail.substr(0, split);
  } else if (tail.ends_with(" -")) {
    tail.remove_suffix(2);
  }
  if (!tail.empty()) tail.remove_prefix(1);
  a.caption = tail;
  return true;
}

}  // namespace

bool parse_seed(std::string_view bytes, sdk::Article& a) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t replaced = 0;
  std::vector<std::string> body = split(bytes, replaced);
  if (body.empty()) return false;

  sdk::List warnings;
  if (parse_header(body.front(), a)) {
    if (a.published.empty())
      warnings.emplace_back("invalid date '" + a.published_raw +
                            "' (expected YYYY-MM-DD); published left empty");
    body.erase(body.begin());
  } else {
    warnings.emplace_back(
        "no date line (expected 'date YYYY-MM-DD ...' first); the body starts at the first line");
  }
  if (body.empty()) warnings.emplace_back("no body paragraphs after the date line");
  if (replaced != 0)
    warnings.emplace_back(std::to_string(replaced) + " invalid UTF-8 byte(s) replaced with U+FFFD");
  a.body = std::move(body);
  if (!warnings.empty()) a.fields["warnings"] = std::move(warnings);
  return true;
}

}  // namespace sluice::bench::baseline
