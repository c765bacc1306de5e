// UTF-8 validation and repair, shared by every stage that must keep text
// valid whatever bytes arrived (parsers, the JSON writer, SQL sinks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sluice::sdk::utf8 {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// decode(): decodes the well-formed UTF-8 sequence starting at text[i] into
// `code_point` and returns its length (1 to 4). Returns 0 for a byte that
// does not start a well-formed sequence: a stray continuation byte, a
// truncated sequence, an overlong form, a surrogate or a value above U+10FFFF.
//
// append_sanitized(): appends `text` to `out`, each byte that decode()
// rejects replaced by U+FFFD (one replacement per bad byte). Returns the
// number of bytes replaced.
//
// is_space(): true for the non-ASCII Unicode White_Space characters and
// U+FEFF; they only ever separate words, so normalisation treats them like
// an ASCII space.
inline std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  // Lead bytes C0, C1 and F5..FF never start a well-formed sequence.
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  if (length == 0 || i + length > text.size()) return 0;

  char32_t cp = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[length]) return 0;        // overlong
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;  // UTF-16 surrogate
  if (cp > 0x10FFFF) return 0;
  code_point = cp;
  return length;
}

// Bytes from `i` on that are plain ASCII, checked eight at a time: most news
// text is mostly ASCII, and this keeps validation near memchr speed.
inline std::size_t ascii_prefix(std::string_view text, std::size_t i) {
  const char* const begin = text.data() + i;
  const char* const end = text.data() + text.size();
  const char* p = begin;
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    if (word & 0x8080808080808080ULL) break;
    p += 8;
  }
  while (p != end && static_cast<unsigned char>(*p) < 0x80) ++p;
  return static_cast<std::size_t>(p - begin);
}

inline std::size_t append_sanitized(std::string& out, std::string_view text) {
  std::size_t replaced = 0;
  std::size_t run = 0, i = 0;
  while (i < text.size()) {
    i += ascii_prefix(text, i);
    if (i == text.size()) break;
    char32_t cp = 0;
    if (const std::size_t length = decode(text, i, cp); length != 0) {
      i += length;
      continue;
    }
    out.append(text, run, i - run);
    out += kReplacement;
    ++replaced;
    run = ++i;
  }
  out.append(text, run, text.size() - run);
  return replaced;
}

// Appends the UTF-8 encoding of `cp`; a surrogate or a value past U+10FFFF,
// which no valid UTF-8 can hold, becomes U+FFFD.
inline void append_code_point(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += kReplacement;
  } else if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline bool is_space(char32_t cp) {
  switch (cp) {
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF: return true;
    default: return cp >= 0x2000 && cp <= 0x200A;
  }
}

inline std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_sanitized(out, text);
  return out;
}

inline bool is_valid(std::string_view text) {
  char32_t cp;
  for (std::size_t i = 0; i < text.size();) {
    i += ascii_prefix(text, i);
    if (i == text.size()) break;
    const std::size_t n = decode(text, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace sluice::sdk::utf8
