#include "xml_repair.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "entities.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::feed {
namespace {

bool forbidden_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
bool forbidden_noncharacter(std::string_view s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
         static_cast<unsigned char>(s[i + 1]) == 0xBF &&
         (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE;
}

bool xml_predefined(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

// The length of a reference XML accepts at s[i] == '&' (predefined or
// numeric), or 0.
std::size_t xml_reference(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && s[j] == 'x';
    if (hex) ++j;
    const std::size_t start = j;
    std::uint64_t value = 0;
    while (j < s.size() && j - start < 8 && (std::isxdigit(static_cast<unsigned char>(s[j])) != 0) &&
           (hex || (s[j] >= '0' && s[j] <= '9'))) {
      const int c = s[j] | 0x20;
      value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      ++j;
    }
    if (j == start || j >= s.size() || s[j] != ';') return 0;
    // &#0; &#xD800; &#xFFFE; ... are references to characters XML forbids.
    const bool allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
                         (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
    return allowed ? j + 1 - i : 0;
  }
  const std::size_t start = j;
  while (j < s.size() && j - start < 32 &&
         (std::isalnum(static_cast<unsigned char>(s[j])) != 0 || s[j] == '_' || s[j] == '-' || s[j] == '.'))
    ++j;
  if (j == start || j >= s.size() || s[j] != ';') return 0;
  return xml_predefined(s.substr(start, j - start)) ? j + 1 - i : 0;
}

class Repairer {
 public:
  explicit Repairer(std::string_view s) : s_(s) {}

  Repaired run() {
    std::size_t i = 0;
    while (i < s_.size()) {
      const char c = s_[i];
      if (c == '\n') ++line_;
      if (c == '<' && skip_markup(i)) continue;
      if (forbidden_control(static_cast<unsigned char>(c)) || forbidden_noncharacter(s_, i)) {
        char what[40];
        std::snprintf(
            what, sizeof what, "forbidden character U+%04X",
            c == '\xEF' ? 0xFFFE + (static_cast<unsigned char>(s_[i + 2]) & 1) : static_cast<unsigned>(c));
        const std::size_t len = c == '\xEF' ? 3 : 1;
        replace(i, len, sdk::utf8::kReplacement, what);
        i += len;
        continue;
      }
      if (c == '&') {
        if (const std::size_t n = xml_reference(s_, i); n != 0) {
          i += n;
          continue;
        }
        // An HTML entity XML does not know: write the character itself.
        std::string decoded;
        if (const std::size_t n = decode_reference(s_, i, decoded); n != 0 && s_[i + n - 1] == ';') {
          // A reference to a character XML forbids must not become one.
          if ((decoded.size() == 1 && forbidden_control(static_cast<unsigned char>(decoded[0]))) ||
              forbidden_noncharacter(decoded, 0))
            decoded = sdk::utf8::kReplacement;
          replace(i, n, decoded, "HTML entity " + std::string(s_.substr(i, n)));
          i += n;
          continue;
        }
        replace(i, 1, "&amp;", "unescaped '&'");
        ++i;
        continue;
      }
      ++i;
    }
    if (out_) out_->append(s_.substr(copied_));
    return Repaired{std::move(out_), std::move(repairs_)};
  }

 private:
  // Comments, CDATA and processing instructions: copied through untouched
  // but for forbidden characters. Returns false when s[i] starts none.
  bool skip_markup(std::size_t& i) {
    std::string_view end;
    if (s_.substr(i, 4) == "<!--")
      end = "-->";
    else if (s_.substr(i, 9) == "<![CDATA[")
      end = "]]>";
    else if (s_.substr(i, 2) == "<?")
      end = "?>";
    else
      return false;
    std::size_t stop = s_.find(end, i + 2);
    stop = stop == std::string_view::npos ? s_.size() : stop + end.size();
    for (std::size_t j = i; j < stop; ++j) {
      if (s_[j] == '\n') ++line_;
      if (forbidden_control(static_cast<unsigned char>(s_[j])))
        replace(j, 1, sdk::utf8::kReplacement, "forbidden character");
    }
    i = stop;
    return true;
  }

  void replace(std::size_t at, std::size_t len, std::string_view with, std::string what) {
    if (!out_) {
      out_.emplace();
      out_->reserve(s_.size() + 64);
    }
    out_->append(s_.substr(copied_, at - copied_));
    out_->append(with);
    copied_ = at + len;
    // One record per line is enough to attribute repairs to items.
    if (repairs_.empty() || repairs_.back().line != line_) repairs_.push_back({line_, std::move(what)});
  }

  std::string_view s_;
  std::optional<std::string> out_;
  std::size_t copied_ = 0;
  std::size_t line_ = 1;
  std::vector<Repair> repairs_;
};

}  // namespace

Repaired repair_xml(std::string_view xml) { return Repairer(xml).run(); }

}  // namespace sluice::plugins::feed
