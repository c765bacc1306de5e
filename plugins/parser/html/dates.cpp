#include "dates.hpp"

#include <chrono>
#include <unordered_map>
#include <vector>

#include "sluice/sdk/text.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

struct Token {
  enum Kind { Number, Word, Mark } kind;
  std::string_view text;
  int value = 0;  // numbers
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t start = i;
    if (c >= '0' && c <= '9') {
      int v = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 9) v = v * 10 + (s[i++] - '0');
      out.push_back({Token::Number, s.substr(start, i - start), v});
    } else if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      while (i < s.size() &&
             (static_cast<unsigned char>(s[i]) >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
        ++i;
      out.push_back({Token::Word, s.substr(start, i - start), 0});
    } else {
      if (c != ' ' && c != ',') out.push_back({Token::Mark, s.substr(i, 1), 0});
      ++i;
    }
  }
  return out;
}

// Month names in the languages of the pages we read (Polish in the
// genitive, as dates write it), and common abbreviations.
int month_of(std::string_view word) {
  static const std::unordered_map<std::string, int> kMonths = [] {
    std::unordered_map<std::string, int> m;
    const std::vector<std::vector<std::string_view>> names = {
        {"january", "jan", "januar", "jänner", "janvier", "enero", "gennaio", "januari", "stycznia",
         "janeiro", "styczeń"},
        {"february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "februari", "lutego",
         "fevereiro", "luty"},
        {"march", "mar", "märz", "maerz", "mär", "mars", "marzo", "maart", "marca", "março", "marzec"},
        {"april", "apr", "avril", "abril", "aprile", "kwietnia", "kwiecień"},
        {"may", "mai", "mayo", "maggio", "mei", "maja", "maio", "maj"},
        {"june", "jun", "juni", "juin", "junio", "giugno", "czerwca", "junho", "czerwiec"},
        {"july", "jul", "juli", "juillet", "julio", "luglio", "lipca", "julho", "lipiec"},
        {"august", "aug", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień"},
        {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "września",
         "setembro", "wrzesień"},
        {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "października", "outubro",
         "październik"},
        {"november", "nov", "novembre", "noviembre", "listopada", "novembro", "listopad"},
        {"december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre", "grudnia",
         "dezembro", "grudzień"},
    };
    for (std::size_t k = 0; k < names.size(); ++k) {
      for (const std::string_view n : names[k]) m.emplace(std::string(n), static_cast<int>(k) + 1);
    }
    return m;
  }();
  // Lower-case ASCII and the capitals the month names start with.
  std::string w = ascii_lower(word);
  if (w.starts_with("\xC3\x89")) w.replace(0, 2, "\xC3\xA9");  // É -> é
  const auto it = kMonths.find(w);
  return it == kMonths.end() ? 0 : it->second;
}

std::optional<std::string> make_date(int year, int month, int day) {
  if (year < 100) year += 2000;
  if (year < 1900 || year > 2100) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (month < 1 || day < 1 || !ymd.ok()) return std::nullopt;
  const auto two = [](int v) {
    return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  };
  return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

bool is_mark(const std::vector<Token>& t, std::size_t i, std::string_view marks) {
  return i < t.size() && t[i].kind == Token::Mark && marks.find(t[i].text[0]) != std::string_view::npos;
}
bool is_number(const std::vector<Token>& t, std::size_t i, std::size_t min_digits, std::size_t max_digits) {
  return i < t.size() && t[i].kind == Token::Number && t[i].text.size() >= min_digits &&
         t[i].text.size() <= max_digits;
}

// Numeric forms starting at token i.
std::optional<std::string> numeric_date(const std::vector<Token>& t, std::size_t i) {
  // 2023-07-29, 2023/07/29, 2023.07.29
  if (is_number(t, i, 4, 4) && is_mark(t, i + 1, "-/.") && is_number(t, i + 2, 1, 2) &&
      is_mark(t, i + 3, "-/.") && is_number(t, i + 4, 1, 2))
    return make_date(t[i].value, t[i + 2].value, t[i + 4].value);
  if (!is_number(t, i, 1, 2) || !is_mark(t, i + 1, "./-") || !is_number(t, i + 2, 1, 2) ||
      !is_mark(t, i + 3, "./-") || !(is_number(t, i + 4, 4, 4) || is_number(t, i + 4, 2, 2)))
    return std::nullopt;
  const int a = t[i].value, b = t[i + 2].value, year = t[i + 4].value;
  // 29.07.2023 is day first everywhere it is written with dots; with
  // slashes or dashes only an unambiguous order is read.
  if (t[i + 1].text == "." && t[i + 3].text == ".") return make_date(year, b, a);
  if (a > 12 && b <= 12) return make_date(year, b, a);
  if (b > 12 && a <= 12) return make_date(year, a, b);
  return std::nullopt;
}

// "29 July 2023", "29. Juli 2023", "29 de julio de 2023".
std::optional<std::string> day_month_year(const std::vector<Token>& t, std::size_t i) {
  if (!is_number(t, i, 1, 2)) return std::nullopt;
  std::size_t k = i + 1;
  if (is_mark(t, k, ".")) ++k;
  if (k < t.size() && t[k].kind == Token::Word && ascii_lower(t[k].text) == "de") ++k;
  if (k >= t.size() || t[k].kind != Token::Word) return std::nullopt;
  const int month = month_of(t[k].text);
  if (month == 0) return std::nullopt;
  ++k;
  if (is_mark(t, k, ".")) ++k;
  if (k < t.size() && t[k].kind == Token::Word && ascii_lower(t[k].text) == "de") ++k;
  if (!is_number(t, k, 4, 4)) return std::nullopt;
  return make_date(t[k].value, month, t[i].value);
}

// "July 29, 2023", "Jul. 29th 2023".
std::optional<std::string> month_day_year(const std::vector<Token>& t, std::size_t i) {
  if (i >= t.size() || t[i].kind != Token::Word) return std::nullopt;
  const int month = month_of(t[i].text);
  if (month == 0) return std::nullopt;
  std::size_t k = i + 1;
  if (is_mark(t, k, ".")) ++k;
  if (!is_number(t, k, 1, 2)) return std::nullopt;
  const int day = t[k].value;
  ++k;
  if (k < t.size() && t[k].kind == Token::Word) {
    const std::string suffix = ascii_lower(t[k].text);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") ++k;
  }
  if (!is_number(t, k, 4, 4)) return std::nullopt;
  return make_date(t[k].value, month, day);
}

}  // namespace

std::optional<std::string> normalize_page_date(std::string_view raw) {
  const std::string text = clean_text(raw);
  if (text.empty()) return std::nullopt;
  if (auto iso = sdk::text::normalize_date(text)) return iso;
  if (text.size() > 200) return std::nullopt;  // a paragraph, not a date line
  const std::vector<Token> tokens = tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (auto* form : {numeric_date, day_month_year, month_day_year}) {
      if (auto date = form(tokens, i)) return date;
    }
  }
  return std::nullopt;
}

}  // namespace sluice::plugins::html
