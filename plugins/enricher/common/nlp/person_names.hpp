// Which short forms of personal names refer to which full name, within one
// article: "Mr Shoigu" and "Shoigu" are "Sergei Shoigu"; "Kim" after "Kim
// Jong-un" is Kim Jong-un; "Mr Blinken" is "Anthony Blinken".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sluice::plugins::nlp {

// `names[i]` is the i-th person mention in reading order, courtesy title
// and role already removed, words separated by single spaces. On return
// `canonical[i]` is the index of the mention whose text names that person
// in full:
//  - a name of two or more words is its own canonical form, unless it is
//    a shorter form of a longer name that shares its first and last word
//    ("Vladimir Putin" within "Vladimir Vladimirovich Putin");
//  - a one-word name matches a full name's last word (the surname), else
//    its first word (surname-first names: "Kim", "Xi"); the nearest full
//    name before the mention wins, else the first one after it;
//  - a one-word name nothing matches is its own canonical form.
void resolve_person_names(const std::vector<std::string_view>& names, std::vector<std::uint32_t>& canonical);

}  // namespace sluice::plugins::nlp
