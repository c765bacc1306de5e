// Reading GNU gettext .mo catalogues: Debian ships every program's
// messages translated into dozens of languages as .mo files, which makes
// them a source of real text per language for the language profiles
// (build time) and for the accuracy test (held-out catalogues).
#pragma once

#include <string>
#include <vector>

namespace sluice::plugins::language::tools {

struct Message {
  std::string original;     // msgid (English); plural forms joined by '\n'
  std::string translation;  // msgstr; plural forms joined by '\n'
};

// The messages of the .mo file at `path`, without the header entry. Throws
// std::runtime_error when the file cannot be read or is no .mo file; returns
// nothing for a catalogue that is not UTF-8 (its text would be misread).
std::vector<Message> read_mo(const std::string& path);

// Collapses white space runs to one space and trims.
std::string normalize_space(const std::string& text);

}  // namespace sluice::plugins::language::tools
