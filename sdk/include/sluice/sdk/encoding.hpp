// Character encodings, handled once for every parser: find out what a
// document declares (byte-order mark, transport content type, XML prolog,
// HTML <meta>), convert it to UTF-8 and repair what cannot be converted.
//
//   sdk::encoding::Hints hints;                 // what the parser honours
//   hints.fallback = "windows-1251";            // e.g. from a stage option
//   const auto d = sdk::encoding::document_text(doc, max_bytes, hints);
//   parse(d.text());   // always valid UTF-8, byte-order mark removed
//
// Valid UTF-8 input is not copied: d.text() is then a view into the input,
// so the input must outlive `d`. Anything else is converted with glibc's
// iconv (one iconv_t per call, so this is thread-safe); a sequence iconv
// cannot convert becomes U+FFFD instead of failing the document.
#pragma once

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::sdk::encoding {

// Where the charset that was used came from, strongest first.
enum class Origin {
  ByteOrderMark,   // a UTF-8/16/32 byte-order mark
  ContentType,     // the `charset` parameter of the document's content type
  XmlDeclaration,  // <?xml ... encoding="..."?>, or UTF-16/32 '<?' without a mark
  HtmlMeta,        // <meta charset> or <meta http-equiv="Content-Type">
  Sniffed,         // nothing declared and the bytes are valid UTF-8
  Fallback,        // nothing declared (or nothing usable) and not UTF-8
};

inline const char* to_string(Origin o) {
  switch (o) {
    case Origin::ByteOrderMark: return "byte-order mark";
    case Origin::ContentType: return "content type";
    case Origin::XmlDeclaration: return "XML declaration";
    case Origin::HtmlMeta: return "HTML meta";
    case Origin::Sniffed: return "sniffed";
    case Origin::Fallback: return "fallback";
  }
  return "fallback";
}

// What to look at besides the bytes. The defaults suit any markup parser.
struct Hints {
  std::string_view content_type;  // e.g. "text/xml; charset=windows-1251"
  bool xml_declaration = true;    // honour <?xml encoding="..."?>
  bool html_meta = true;          // honour <meta charset> in the first 1024 bytes
  // Undeclared text that is not valid UTF-8 is read as this single-byte
  // charset: windows-1252 is what such text on the web and in news archives
  // almost always is (and a superset of ISO-8859-1's printable range).
  std::string_view fallback = "windows-1252";
  // document_text() refuses binary data (see binary_reason()).
  bool refuse_binary = true;
};

// What text should not hold, counted over decoded text by sniff_text().
struct Sniff {
  std::size_t characters = 0;
  std::size_t nuls = 0;
  std::size_t controls = 0;   // C0 controls but tab, LF, CR, FF, VT; DEL; NULs included
  std::size_t first_nul = 0;  // byte offset, when nuls > 0
};

inline Sniff sniff_text(std::string_view text) {
  Sniff s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: same character
    ++s.characters;
    if (c == 0 && s.nuls++ == 0) s.first_nul = i;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F)
      ++s.controls;
  }
  return s;
}

// Why text with this sniff (and `replaced` undecodable sequences) is binary
// data rather than text, or nothing. Images, archives and PDFs are full of
// NULs and control characters; random bytes read as UTF-8 are mostly
// undecodable. A few stray ones in real text (broken exports emit them) are
// no reason to refuse it: binary means more than 1 character in 100 being
// NUL, 1 in 20 a control character, or 1 in 4 undecodable (each counted
// only from a handful up, so a short text with one stray byte stays text).
// UTF-16/32 text decoded by its byte-order mark has no NULs left; without a
// mark its NULs make it binary, as in git and grep.
inline std::optional<std::string> binary_reason(const Sniff& s, std::size_t replaced) {
  const auto share = [&](std::size_t n, std::size_t one_in) { return n >= 4 && n * one_in > s.characters; };
  if (share(s.nuls, 100) || share(s.controls, 20) || share(replaced, 4))
    return "binary data, not text: of " + std::to_string(s.characters) + " characters, " +
           std::to_string(s.nuls) + " are NUL, " + std::to_string(s.controls) + " control characters and " +
           std::to_string(replaced) + " undecodable bytes";
  return std::nullopt;
}

// binary_reason() of decoded `text`.
inline std::optional<std::string> binary_content(std::string_view text, std::size_t replaced) {
  return binary_reason(sniff_text(text), replaced);
}

// The result of to_utf8(). text() is valid UTF-8 without a byte-order mark.
class Decoded {
 public:
  std::string_view text() const { return converted_ ? std::string_view(storage_) : view_; }
  bool copied() const { return converted_; }               // false: text() views the input
  const std::string& charset() const { return charset_; }  // normalised label, e.g. "windows-1251"
  Origin origin() const { return origin_; }
  std::size_t replaced() const { return replaced_; }  // sequences that became U+FFFD
  // A declared charset that iconv does not know ("x-foo"): it was ignored.
  const std::string& ignored_charset() const { return ignored_; }
  // NULs and control characters in text(), for refuse_binary() and warning().
  const Sniff& sniff() const { return sniff_; }

 private:
  friend Decoded to_utf8(std::string_view bytes, const Hints& hints);
  std::string_view view_;
  std::string storage_;
  bool converted_ = false;
  std::string charset_;
  Origin origin_ = Origin::Sniffed;
  std::size_t replaced_ = 0;
  std::string ignored_;
  Sniff sniff_;
};

namespace detail {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

inline std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (iequals(hay.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A charset value as written after `charset=` / `encoding=`: optionally
// quoted, ending at a quote, ';', white space or '>'.
inline std::string_view charset_token(std::string_view s) {
  s = trim(s);
  if (!s.empty() && (s.front() == '"' || s.front() == '\'')) {
    const char q = s.front();
    s.remove_prefix(1);
    return s.substr(0, s.find(q));
  }
  std::size_t end = 0;
  while (end < s.size() && !is_blank(s[end]) && s[end] != ';' && s[end] != '>' && s[end] != '"' &&
         s[end] != '\'' && s[end] != '/')
    ++end;
  return s.substr(0, end);
}

// `charset=` inside a content-type-like string ("text/html; charset=utf-8").
inline std::string_view charset_parameter(std::string_view s) {
  for (std::size_t at = ifind(s, "charset"); at != std::string_view::npos; at = ifind(s, "charset", at + 1)) {
    std::string_view rest = trim(s.substr(at + 7));
    if (rest.empty() || rest.front() != '=') continue;
    return charset_token(rest.substr(1));
  }
  return {};
}

// Width in bytes of one code unit, so an unconvertible unit is skipped whole.
inline std::size_t unit_width(std::string_view charset) {
  if (charset.starts_with("utf-32")) return 4;
  if (charset.starts_with("utf-16")) return 2;
  return 1;
}

}  // namespace detail

// A charset label in the form iconv and the rest of this header use:
// lower case, common aliases folded. ISO-8859-1 and US-ASCII labels mean
// windows-1252, as in every browser (WHATWG Encoding): documents labelled
// latin-1 routinely contain windows-1252 quotes and dashes.
inline std::string normalize_charset(std::string_view label) {
  std::string s;
  for (const char c : detail::trim(label)) s.push_back(detail::ascii_lower(c));
  if (s == "utf8" || s == "unicode-1-1-utf-8" || s == "x-unicode20utf8") return "utf-8";
  if (s == "iso-8859-1" || s == "iso8859-1" || s == "latin1" || s == "latin-1" || s == "l1" ||
      s == "us-ascii" || s == "ascii" || s == "iso_8859-1" || s == "cp1252" || s == "x-cp1252" ||
      s == "cp819" || s == "ibm819" || s == "iso-ir-100")
    return "windows-1252";
  if (s == "cp1251" || s == "x-cp1251") return "windows-1251";
  if (s == "utf-16") return "utf-16le";  // unmarked "utf-16" is little endian in practice
  if (s == "shift-jis" || s == "sjis" || s == "x-sjis") return "shift_jis";
  if (s == "gb2312" || s == "gbk" || s == "x-gbk") return "gbk";
  return s;
}

struct ByteOrderMark {
  std::string_view charset;  // "utf-8", "utf-16le", "utf-16be", "utf-32le", "utf-32be"
  std::size_t length = 0;
};

// UTF-32LE is checked before UTF-16LE: its mark starts with the same bytes.
inline std::optional<ByteOrderMark> detect_bom(std::string_view b) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0)
    return ByteOrderMark{"utf-32le", 4};
  if (b.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF)
    return ByteOrderMark{"utf-32be", 4};
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return ByteOrderMark{"utf-8", 3};
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return ByteOrderMark{"utf-16le", 2};
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return ByteOrderMark{"utf-16be", 2};
  return std::nullopt;
}

// The charset parameter of a MIME content type, or empty.
inline std::string_view content_type_charset(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  if (semi == std::string_view::npos) return {};
  return detail::charset_parameter(content_type.substr(semi));
}

// The encoding an XML document declares: the prolog's `encoding` value, or
// "utf-16le"/"utf-16be"/"utf-32le"/"utf-32be" when the document starts with
// '<?' in one of those forms without a byte-order mark (XML 1.0 appendix F).
// Empty when there is no prolog or it names no encoding.
inline std::string_view xml_declared_encoding(std::string_view b) {
  static constexpr std::string_view k16le("<\0?\0", 4), k16be("\0<\0?", 4);
  static constexpr std::string_view k32le("<\0\0\0", 4), k32be("\0\0\0<", 4);
  if (b.starts_with(k32le)) return "utf-32le";
  if (b.starts_with(k32be)) return "utf-32be";
  if (b.starts_with(k16le)) return "utf-16le";
  if (b.starts_with(k16be)) return "utf-16be";
  if (!b.starts_with("<?xml")) return {};
  const std::string_view prolog = b.substr(0, b.find("?>"));
  for (std::size_t at = prolog.find("encoding"); at != std::string_view::npos;
       at = prolog.find("encoding", at + 1)) {
    std::string_view rest = detail::trim(prolog.substr(at + 8));
    if (rest.empty() || rest.front() != '=') continue;
    return detail::charset_token(rest.substr(1));
  }
  return {};
}

// The charset an HTML document declares in a <meta> within its first 1024
// bytes (the HTML standard's prescan window): <meta charset="...">, or
// <meta http-equiv="Content-Type" content="text/html; charset=...">.
inline std::string_view html_meta_charset(std::string_view b) {
  const std::string_view head = b.substr(0, 1024);
  for (std::size_t at = detail::ifind(head, "<meta"); at != std::string_view::npos;
       at = detail::ifind(head, "<meta", at + 5)) {
    std::size_t end = head.find('>', at);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view tag = head.substr(at + 5, end - at - 5);
    // `charset=` covers both forms: the attribute and the content parameter.
    if (std::string_view cs = detail::charset_parameter(tag); !cs.empty()) return cs;
  }
  return {};
}

// True when iconv can convert from this label (after normalize_charset()).
// Stages check a configured charset with it once, at construction.
inline bool is_known_charset(std::string_view label) {
  const std::string name = normalize_charset(label);
  iconv_t cd = ::iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  ::iconv_close(cd);
  return true;
}

// Converts `bytes` in `charset` (as iconv names it) to UTF-8, appending to
// `out`. Each unconvertible code unit becomes U+FFFD; returns how many did,
// or nothing when iconv does not know the charset.
inline std::optional<std::size_t> convert(std::string_view bytes, const std::string& charset,
                                          std::string& out) {
  iconv_t cd = ::iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  struct Closer {
    iconv_t cd;
    ~Closer() { ::iconv_close(cd); }
  } closer{cd};

  const std::size_t width = detail::unit_width(charset);
  std::size_t replaced = 0;
  const std::size_t start = out.size();
  out.resize(start + bytes.size() + bytes.size() / 2 + 16);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  std::size_t used = start;
  while (in_left > 0) {
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    const std::size_t rc = ::iconv(cd, &in, &in_left, &dst, &dst_left);
    used = static_cast<std::size_t>(dst - out.data());
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {
      // EILSEQ (not valid in this charset) or EINVAL (cut short at the end):
      // replace one code unit and go on, rather than lose the document.
      if (out.size() - used < utf8::kReplacement.size()) out.resize(out.size() * 2);
      std::memcpy(out.data() + used, utf8::kReplacement.data(), utf8::kReplacement.size());
      used += utf8::kReplacement.size();
      ++replaced;
      const std::size_t skip = width < in_left ? width : in_left;
      in += skip;
      in_left -= skip;
      ::iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
    }
  }
  out.resize(used);
  return replaced;
}

// Decides the charset (byte-order mark, then the content type's charset,
// then the XML declaration, then HTML <meta>, then UTF-8 if the bytes are
// valid UTF-8, else hints.fallback) and returns the text as UTF-8.
inline Decoded to_utf8(std::string_view bytes, const Hints& hints = {}) {
  Decoded d;
  std::string_view body = bytes;
  std::string label;
  if (const auto bom = detect_bom(bytes)) {
    label = std::string(bom->charset);
    body.remove_prefix(bom->length);
    d.origin_ = Origin::ByteOrderMark;
  }
  const auto consider = [&](std::string_view declared, Origin origin) {
    if (!label.empty() || declared.empty()) return;
    std::string name = normalize_charset(declared);
    // A UTF-16/32 label on a document that reached us as 8-bit text (the
    // prolog was readable as ASCII) is a lie, typically left behind by a
    // converter; the bytes decide.
    if (origin != Origin::XmlDeclaration || bytes.starts_with("<?xml")) {
      if (name.starts_with("utf-16") || name.starts_with("utf-32")) {
        if (origin != Origin::XmlDeclaration) d.ignored_ = name;
        return;
      }
    }
    if (!is_known_charset(name)) {
      if (d.ignored_.empty()) d.ignored_ = name;
      return;
    }
    label = std::move(name);
    d.origin_ = origin;
  };
  consider(content_type_charset(hints.content_type), Origin::ContentType);
  if (hints.xml_declaration) consider(xml_declared_encoding(bytes), Origin::XmlDeclaration);
  if (hints.html_meta) consider(html_meta_charset(bytes), Origin::HtmlMeta);
  if (label.empty()) {
    if (utf8::is_valid(body)) {
      label = "utf-8";
      d.origin_ = Origin::Sniffed;
    } else {
      label = normalize_charset(hints.fallback);
      d.origin_ = Origin::Fallback;
    }
  }
  d.charset_ = label;

  if (label == "utf-8") {
    if (utf8::is_valid(body)) {
      d.view_ = body;  // the zero-copy path
    } else {
      d.converted_ = true;
      d.storage_.reserve(body.size() + 16);
      d.replaced_ = utf8::append_sanitized(d.storage_, body);
    }
    d.sniff_ = sniff_text(d.text());
    return d;
  }
  d.converted_ = true;
  if (const auto replaced = convert(body, label, d.storage_)) {
    d.replaced_ = *replaced;
  } else {
    // Unreachable in practice (the label was probed); keep the text anyway.
    d.replaced_ = utf8::append_sanitized(d.storage_, body);
  }
  // A mark inside the converted text (e.g. UTF-16 declared, marked too).
  if (std::string_view(d.storage_).starts_with("\xEF\xBB\xBF")) d.storage_.erase(0, 3);
  d.sniff_ = sniff_text(d.text());
  return d;
}

// A NUL is never dropped silently: too many make the document binary, a
// few are reported with this warning (part of warning()).
inline std::optional<std::string> nul_warning(const Decoded& d) {
  if (d.sniff().nuls == 0) return std::nullopt;
  return std::to_string(d.sniff().nuls) + " NUL character(s) in the text (the first at byte " +
         std::to_string(d.sniff().first_nul) + "), not kept as text";
}

// The warning a parser records in the article's fields["warnings"] when
// something was repaired or assumed, or nothing when all was well.
inline std::optional<std::string> warning(const Decoded& d) {
  std::string w;
  if (!d.ignored_charset().empty()) w = "unknown charset '" + d.ignored_charset() + "' ignored";
  if (d.replaced() != 0) {
    if (!w.empty()) w += "; ";
    w += std::to_string(d.replaced()) + " invalid byte sequence(s) in " + d.charset() +
         " replaced with U+FFFD";
  }
  if (const auto nul = nul_warning(d)) {
    if (!w.empty()) w += "; ";
    w += *nul;
  }
  if (w.empty()) return std::nullopt;
  return w;
}

// The first step of every parser: refuse a document the source could not
// read (its reason is in meta "error") or one over `max_bytes`. Throws
// StageError with a message meant for the operator.
inline void check_document(const RawDocument& doc, std::uint64_t max_bytes) {
  if (const Value* error = doc.meta.find("error"); error != nullptr && error->is_string())
    throw StageError("the source could not read the document: " + error->as_string());
  if (doc.bytes.size() > max_bytes)
    throw StageError("document is " + std::to_string(doc.bytes.size()) + " bytes, larger than max_bytes (" +
                     std::to_string(max_bytes) + " bytes); raise max_bytes to parse it");
}

// Throws StageError when `d` is binary data (see binary_reason()).
inline void refuse_binary(const Decoded& d) {
  if (auto why = binary_reason(d.sniff(), d.replaced())) throw StageError(*why);
}

// check_document(), then the document's bytes as UTF-8, with its content
// type (when `hints` names none) as a declaration; binary data is refused
// unless `hints.refuse_binary` is false.
inline Decoded document_text(const RawDocument& doc, std::uint64_t max_bytes, const Hints& hints) {
  check_document(doc, max_bytes);
  Hints h = hints;
  if (h.content_type.empty()) h.content_type = doc.content_type;
  Decoded d = to_utf8(doc.bytes, h);
  if (h.refuse_binary) refuse_binary(d);
  return d;
}

}  // namespace sluice::sdk::encoding
