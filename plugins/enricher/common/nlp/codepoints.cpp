#include "nlp/codepoints.hpp"

#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::nlp {
namespace {

// Latin Extended-A/B alternate upper/lower in pairs, but the parity flips
// in a few stretches; these ranges hold the odd-is-upper pairs.
bool latin_ext_upper(char32_t cp) {
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
  if (cp == 0x178) return true;
  if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
  if (cp >= 0x100 && cp <= 0x177) return cp % 2 == 0;
  if (cp >= 0x180 && cp <= 0x24F) {
    // Latin Extended-B is irregular; the letters news names use are the
    // Romanian and Croatian ones, which follow the even-is-upper rule.
    if (cp >= 0x1C4 && cp <= 0x1CC)
      return cp == 0x1C4 || cp == 0x1C5 || cp == 0x1C7 || cp == 0x1C8 || cp == 0x1CA || cp == 0x1CB;
    return cp % 2 == 0;
  }
  return false;
}

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < 0x80) return ascii_class(static_cast<unsigned char>(cp));
  if (sdk::utf8::is_space(cp)) return CharClass::Space;
  switch (cp) {
    case 0x2019:
    case 0x02BC: return CharClass::Apostrophe;
    case 0x2018: return CharClass::OpenSingle;
    case 0x2010:
    case 0x2011: return CharClass::Hyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212: return CharClass::Dash;
    case 0x201C:
    case 0x201E:
    case 0x00AB: return CharClass::OpenDouble;
    case 0x201D:
    case 0x00BB: return CharClass::CloseDouble;
    case 0x2026: return CharClass::Ellipsis;
    case 0x00D7:
    case 0x00F7: return CharClass::Other;
    case 0x00AA:
    case 0x00BA:
    case 0x00DF:
    case 0x00FF: return CharClass::Lower;
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0xDE) return CharClass::Upper;
  if (cp >= 0xDF && cp <= 0xFF) return CharClass::Lower;
  if (cp >= 0x100 && cp <= 0x24F) return latin_ext_upper(cp) ? CharClass::Upper : CharClass::Lower;
  if (cp >= 0x250 && cp <= 0x2AF) return CharClass::Lower;  // IPA
  if (cp >= 0x300 && cp <= 0x36F) return CharClass::Mark;
  if (cp >= 0x386 && cp <= 0x3AB) return CharClass::Upper;  // Greek capitals
  if (cp >= 0x3AC && cp <= 0x3FF) return CharClass::Lower;
  if (cp >= 0x400 && cp <= 0x42F) return CharClass::Upper;  // Cyrillic capitals
  if (cp >= 0x430 && cp <= 0x45F) return CharClass::Lower;
  if (cp >= 0x460 && cp <= 0x4FF) {
    if (cp >= 0x483 && cp <= 0x489) return CharClass::Mark;
    return cp % 2 == 0 ? CharClass::Upper : CharClass::Lower;
  }
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0 ? CharClass::Upper : CharClass::Lower;
  if ((cp >= 0x591 && cp <= 0x5C7) || (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x64B && cp <= 0x65F) ||
      (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F))
    return CharClass::Mark;
  if ((cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x671 && cp <= 0x6D3) ||
      (cp >= 0x900 && cp <= 0xDFF) || (cp >= 0xE00 && cp <= 0xE7F) || (cp >= 0x3040 && cp <= 0x30FF) ||
      (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF))
    return CharClass::Letter;
  if (cp >= 0x660 && cp <= 0x669) return CharClass::Digit;
  return CharClass::Other;
}

CharClass classify_multibyte(std::string_view text, std::size_t i, std::size_t& length, char32_t& cp) {
  length = sdk::utf8::decode(text, i, cp);
  if (length == 0) {
    length = 1;
    cp = 0xFFFD;
    return CharClass::Other;
  }
  return classify(cp);
}

}  // namespace sluice::plugins::nlp
