#include "nlp/folded_map.hpp"

namespace sluice::plugins::nlp {

int FoldedBytes::next_special(unsigned char c) {
  if (c <= 0x20) {
    while (i_ < s_.size() && static_cast<unsigned char>(s_[i_]) <= 0x20) ++i_;
    return ' ';
  }
  // U+2018/U+2019 -> '\'', U+2010/U+2011 -> '-', U+00A0 -> ' '
  if (c == 0xE2 && i_ + 2 < s_.size() && static_cast<unsigned char>(s_[i_ + 1]) == 0x80) {
    const auto c3 = static_cast<unsigned char>(s_[i_ + 2]);
    if (c3 == 0x98 || c3 == 0x99) {
      i_ += 3;
      return '\'';
    }
    if (c3 == 0x90 || c3 == 0x91) {
      i_ += 3;
      return '-';
    }
  }
  if (c == 0xC2 && i_ + 1 < s_.size() && static_cast<unsigned char>(s_[i_ + 1]) == 0xA0) {
    i_ += 2;
    while (i_ < s_.size() && static_cast<unsigned char>(s_[i_]) <= 0x20) ++i_;
    return ' ';
  }
  ++i_;
  return c;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  FoldedBytes f(s);
  for (int c = f.next(); c >= 0; c = f.next()) out.push_back(static_cast<char>(c));
  return out;
}

std::size_t FoldedHash::operator()(std::string_view s) const {
  // FNV-1a: keys are short words and phrases, where it is as good as any.
  std::uint64_t h = 1469598103934665603ull;
  FoldedBytes f(s);
  for (int c = f.next(); c >= 0; c = f.next()) {
    h ^= static_cast<std::uint64_t>(c);
    h *= 1099511628211ull;
  }
  return static_cast<std::size_t>(h);
}

bool FoldedEqual::operator()(std::string_view a, std::string_view b) const {
  FoldedBytes fa(a), fb(b);
  for (;;) {
    const int ca = fa.next(), cb = fb.next();
    if (ca != cb) return false;
    if (ca < 0) return true;
  }
}

}  // namespace sluice::plugins::nlp
