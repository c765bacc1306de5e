// The article-wide pass: from every paragraph's candidates to entities.
//
//  - Unknown names take the type the same name has elsewhere in the
//    article; a one-word name matching a person's surname (or first word,
//    for surname-first names) is that person; what is left is judged by
//    context ("in X": a place; "X said": a person), shape (two or three
//    words: a person; more: an organisation; one: an organisation), and a
//    sentence-initial one-word name nothing else supports is dropped (it
//    is most likely a capitalised common word).
//  - Person mentions are grouped under their full name (person_names.hpp).
//  - An organisation acronym takes the name whose initials it spells when
//    the article has one ("IAEA" -> "International Atomic Energy Agency").
//  - "the North" becomes the article's North Korea (or other "North X").
//  - In a headline-style segment only known phrases and names seen in the
//    plain text count.
// Entities come out in order of first mention (title, caption, body),
// mentions in reading order.
#pragma once

#include <string_view>
#include <vector>

#include "candidate.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::entities {

struct Segment {
  int paragraph;  // Mention::paragraph: -1 title, -2 caption, else body index
  std::string_view text;
  bool title_case = false;
};

void resolve(const std::vector<Segment>& segments, std::vector<Candidate>& candidates,
             std::vector<sdk::Entity>& out);

}  // namespace sluice::plugins::entities
