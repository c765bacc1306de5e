#include "sluice/text_stats/sentences.hpp"

#include <algorithm>
#include <array>

#include "sluice/sdk/utf8.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::text_stats {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// Words whose trailing '.' does not end a sentence, compared without it.
constexpr std::array<std::string_view, 30> kAbbreviations{
    "Mr",  "Mrs", "Ms", "Dr", "Prof", "St",  "Sr",  "Jr", "Gen",  "Col", "Lt",  "Sgt", "Capt", "Gov", "Sen",
    "Rep", "Rev", "No", "vs", "etc",  "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov"};

// The length of a closing quote or bracket at text[i], or 0.
std::size_t closer_length(std::string_view text, std::size_t i) {
  for (const std::string_view closer : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) {
    if (text.substr(i).starts_with(closer)) return closer.size();
  }
  return 0;
}

bool is_abbreviation(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && text[start - 1] != ' ') --start;
  const std::string_view word = text.substr(start, dot - start);
  if (word.empty()) return false;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;          // an initial
  if (word.find('.') != std::string_view::npos && word.size() <= 5) return true;  // U.S
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// True when the text at `i` (after the white space) starts a new sentence:
// anything but a lower-case letter.
bool starts_sentence(std::string_view text, std::size_t i) {
  char32_t cp = 0;
  if (sdk::utf8::decode(text, i, cp) == 0) return true;
  return !is_lower(cp);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void split_sentences(std::string_view text, std::vector<Span>& out) {
  std::size_t start = 0;
  const auto emit = [&](std::size_t end) {
    while (start < end && is_space(text[start])) ++start;
    std::size_t e = end;
    while (e > start && is_space(text[e - 1])) --e;
    if (e > start) out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(e)});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::size_t mark = 0;
    if (c == '.' || c == '!' || c == '?')
      mark = 1;
    else if (c == kEllipsis[0] && text.substr(i).starts_with(kEllipsis))
      mark = kEllipsis.size();
    else
      continue;
    if (c == '.' && is_abbreviation(text, i)) continue;
    std::size_t end = i + mark;
    while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
    for (std::size_t n; end < text.size() && (n = closer_length(text, end)) != 0;) end += n;
    if (end >= text.size() || !is_space(text[end])) continue;
    std::size_t next = end;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next < text.size() && !starts_sentence(text, next)) continue;
    emit(end);
    start = end;
    i = end - 1;
  }
  emit(text.size());
}

}  // namespace sluice::plugins::text_stats
