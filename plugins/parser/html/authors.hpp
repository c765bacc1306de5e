// Author names from bylines and author fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::html {

// The names in one byline or author field: "By Jane Doe and John Roe",
// "Von Max Muster, Erika Muster", "Jane Doe | Staff Writer" ... The
// leading "By"/"Von"/"Par"/"Por"/"Autor:" goes; names are split at commas,
// semicolons, "and"/"und"/"et"/"y"/"i"/"&"; what is not plausibly a name (a
// URL, an e-mail address, digits, more than six words) is dropped.
std::vector<std::string> split_authors(std::string_view byline);

// Appends the names not already in `out` (compared without case).
void add_authors(std::vector<std::string>& out, const std::vector<std::string>& names);

}  // namespace sluice::plugins::html
