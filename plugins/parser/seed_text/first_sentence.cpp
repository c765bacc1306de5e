#include "first_sentence.hpp"

#include <algorithm>
#include <array>

#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::seed_text {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

// Words whose trailing '.' does not end a sentence. Compared without the dot.
constexpr std::array<std::string_view, 24> kAbbreviations{
    "Mr",   "Mrs", "Ms",  "Dr",  "Prof", "St", "Sr", "Jr",  "Gen", "Col", "Lt", "Sgt",
    "Capt", "Gov", "Sen", "Rep", "Rev",  "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp"};

// Closing punctuation that may sit between a sentence end and the space.
bool is_closer(std::string_view text, std::size_t i, std::size_t& length) {
  for (const std::string_view closer : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
    if (text.substr(i).starts_with(closer)) {
      length = closer.size();
      return true;
    }
  }
  return false;
}

// The word ending just before text[dot] (back to the previous space).
std::string_view word_before(std::string_view text, std::size_t dot) {
  const std::size_t space = text.substr(0, dot).rfind(' ');
  const std::size_t start = space == std::string_view::npos ? 0 : space + 1;
  return text.substr(start, dot - start);
}

bool is_abbreviation(std::string_view word) {
  if (word.empty()) return false;
  // "J" (an initial) or "U.S" (dotted letters): short words with a capital
  // or inner dots are abbreviations, not sentence ends.
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.find('.') != std::string_view::npos && word.size() <= 5) return true;
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// Where the first sentence ends (exclusive, including its punctuation), or
// npos when the whole paragraph is one sentence.
std::size_t sentence_end(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool ascii_mark = text[i] == '.' || text[i] == '!' || text[i] == '?';
    const std::size_t mark = ascii_mark ? 1 : text.substr(i).starts_with(kEllipsis) ? kEllipsis.size() : 0;
    if (mark == 0) continue;
    if (text[i] == '.' && is_abbreviation(word_before(text, i))) continue;

    std::size_t end = i + mark;
    for (std::size_t closer = 0; end < text.size() && is_closer(text, end, closer);) end += closer;
    if (end == text.size()) return std::string_view::npos;
    if (text[end] == ' ') return end;
  }
  return std::string_view::npos;
}

// Removes the last character of `text` if a cut left it incomplete.
void drop_split_sequence(std::string& text) {
  std::size_t lead = text.size();
  const auto is_continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  while (lead > 0 && text.size() - lead < 3 && is_continuation(lead - 1)) --lead;
  if (lead == 0) return;
  --lead;  // now the index of the sequence's first byte
  char32_t cp = 0;
  if (sdk::utf8::decode(text, lead, cp) == 0) text.resize(lead);
}

}  // namespace

std::string first_sentence(std::string_view paragraph, std::size_t max_bytes) {
  std::string_view sentence = paragraph.substr(0, sentence_end(paragraph));
  if (sentence.ends_with('.') && !sentence.ends_with("..")) sentence.remove_suffix(1);
  if (sentence.size() <= max_bytes) return std::string(sentence);

  // Cut at a space so that no word is split; a single giant "word" is cut
  // at the limit instead, dropping a UTF-8 sequence the cut went through.
  const std::size_t space = sentence.rfind(' ', max_bytes);
  const bool at_space = space != std::string_view::npos && space != 0;
  std::string title(sentence.substr(0, at_space ? space : max_bytes));
  if (!at_space) drop_split_sequence(title);
  title += kEllipsis;
  return title;
}

}  // namespace sluice::plugins::seed_text
