// Repairs for the defects that make most real feeds ill-formed XML, done
// before parsing so that one stray byte does not cost a whole item:
//  - characters XML forbids (C0 controls other than tab, LF, CR; U+FFFE,
//    U+FFFF) become U+FFFD;
//  - HTML named entities XML does not define (&nbsp; &eacute; ...) become
//    the characters they name;
//  - a bare '&' that starts no reference ("AT&T", "?a=1&b=2") becomes &amp;.
// CDATA sections, comments and processing instructions are left as they are
// (except for forbidden characters, which are forbidden there too).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::feed {

struct Repair {
  std::size_t line = 0;  // 1-based line of the repaired text
  std::string what;      // "unescaped '&'", "HTML entity &nbsp;", "control character U+000B"
};

struct Repaired {
  std::optional<std::string> text;  // nothing when no repair was needed (no copy made)
  std::vector<Repair> repairs;      // the first few of each line, in order
};

Repaired repair_xml(std::string_view xml);

}  // namespace sluice::plugins::feed
