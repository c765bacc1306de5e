// Where the trained tagger and the paragraph rules meet. The tagger
// decides which capitalised words are names and of what type; the rules
// keep what a tagger over whole tokens cannot express or what they know
// for certain:
//  - a person announced by a courtesy title or role ("Mr Shoigu",
//    "Defence Minister Sergei Shoigu");
//  - names inside a hyphenated word ("US-led", "Russia-Ukraine") and
//    models named by origin ("Soviet-era Grad");
//  - "the North" of a divided country;
//  - a known phrase that runs on into lower-case words ("Korean war",
//    "US state department").
// For every other rule candidate the tagger's spans and types win: a rule
// span the tagger does not see as a name is dropped unless a gazetteer
// knows it, and a known phrase the tagger types otherwise ("Leeds" the
// club, not the city) takes the tagger's type without the gazetteer's
// canonical name. Tagger names the rules missed are added. Candidates stay
// in reading order.
#pragma once

#include <vector>

#include "candidate.hpp"
#include "gazetteer.hpp"
#include "ner_tagger.hpp"

namespace sluice::plugins::entities {

// Merges `spans` (token spans of segment `segment`) into the rule
// candidates candidates[from, end). In a `headline` segment the tagger's
// own finds are marked title_case, as the rules' are.
void merge_tagged(std::uint32_t segment, std::string_view text, const nlp::Tokens& tokens,
                  const std::vector<NerSpan>& spans, const Gazetteer& gazetteer, bool headline,
                  std::vector<Candidate>& candidates, std::size_t from);

}  // namespace sluice::plugins::entities
