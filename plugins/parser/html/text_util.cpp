#include "text_util.hpp"

#include "sluice/sdk/text.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::html {
namespace {

// Characters with no width that only ever sit inside or between words.
bool is_invisible(char32_t cp) { return cp == 0x00AD || cp == 0x200B || cp == 0x2060 || cp == 0x180E; }

}  // namespace

void TextBuilder::append(std::string_view piece) {
  std::size_t i = 0;
  while (i < piece.size()) {
    if (const std::size_t space = sdk::text::space_length(piece, i); space != 0) {
      pending_space_ = !text_.empty();
      i += space;
      continue;
    }
    char32_t cp = 0;
    std::size_t length = sdk::utf8::decode(piece, i, cp);
    if (length == 0) {
      // Input is decoded UTF-8 already; stay safe if a caller forgot.
      if (pending_space_) text_.push_back(' ');
      pending_space_ = false;
      text_ += sdk::utf8::kReplacement;
      ++i;
      continue;
    }
    if (!is_invisible(cp)) {
      if (pending_space_) text_.push_back(' ');
      pending_space_ = false;
      text_.append(piece, i, length);
    }
    i += length;
  }
}

std::string TextBuilder::take() {
  std::string out = std::move(text_);
  text_.clear();
  pending_space_ = false;
  return out;
}

std::string clean_text(std::string_view text) {
  TextBuilder b;
  b.append(text);
  return b.take();
}

namespace {

// The code point of a reference's name ("amp", "#039", "#x27"), or 0.
char32_t reference_value(std::string_view name) {
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    char32_t v = 0;
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    for (const char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        d = (c | 0x20) - 'a' + 10;
      if (d < 0) return 0;
      v = v * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    return v;
  }
  struct Named {
    std::string_view name;
    char32_t value;
  };
  static constexpr Named kNamed[] = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
      {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
      {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},  {"laquo", 0xAB},
      {"raquo", 0xBB},   {"copy", 0xA9},    {"euro", 0x20AC}};
  for (const Named& n : kNamed) {
    if (n.name == name) return n.value;
  }
  return 0;
}

}  // namespace

std::string decode_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(text, i, amp - i);
    const std::size_t semi = text.find(';', amp);
    const char32_t cp = semi == std::string_view::npos || semi - amp > 9
                            ? 0
                            : reference_value(text.substr(amp + 1, semi - amp - 1));
    if (cp == 0) {
      out.push_back('&');
      i = amp + 1;
    } else {
      sdk::utf8::append_code_point(out, cp);
      i = semi + 1;
    }
  }
  out.append(text, i);
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
    const char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::size_t char_count(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t word_char_count(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      n += (b & 0xC0) != 0x80;
    } else if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
      ++n;
    }
  }
  return n;
}

bool has_letters_or_digits(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    const std::size_t length = sdk::utf8::decode(utf8, i, cp);
    if (length == 0) return true;  // not ours to judge
    i += length;
    if (cp < 0x80) {
      if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) return true;
      continue;
    }
    // Latin-1 punctuation, general punctuation to dingbats, CJK
    // punctuation, fullwidth forms' punctuation, emoji: not letters.
    const bool symbol = (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
                        (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
                        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
                        (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF);
    if (!symbol) return true;
  }
  return false;
}

int comma_count(std::string_view t) {
  int n = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ',') {
      ++n;
    } else if (t.substr(i).starts_with("\xEF\xBC\x8C") || t.substr(i).starts_with("\xE3\x80\x81") ||
               t.substr(i).starts_with("\xD8\x8C")) {
      ++n;
    }
  }
  return n;
}

std::string loose_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (b >= '0' && b <= '9')) {
      out.push_back(c);
    } else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
      out.push_back(static_cast<char>(b | 0x20));
    }
  }
  return out;
}

}  // namespace sluice::plugins::html
