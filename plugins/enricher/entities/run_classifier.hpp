// Paragraph-level rules: what each capitalised run of a paragraph names.
//
// In order, for the run with its title or role split off (split_run):
//  1. a courtesy title or role before it: a person ("Mr Shoigu");
//  2. the whole run is a known phrase, possibly running on into lower-case
//     words ("Korean war"): its gazetteer type and canonical name;
//  3. its head word names a kind of organisation or place: "Party Central
//     Committee", "Carnegie Endowment for International Peace", "Yangtze
//     River", "Mount Everest"; a leading acronym is expanded in the
//     canonical name ("UN Security Council" -> "United Nations Security
//     Council");
//  4. otherwise the run is cut into known phrases and the stretches
//     between them, each stretch judged on its own:
//     - "Soviet-era Grad" (a known adjective + "-era"/"-made" ... and a
//       name): MISC; "US-led" alone: the known part ("US");
//     - a given name first ("Ankit Panda") or a Korean-style hyphenated
//       given name last ("Kim Jong-un"): a person;
//     - an unknown acronym: an organisation;
//     - anything else stays Unknown for the article-wide pass, with what
//       its context says (context.hpp).
// "the North"/"the South" is marked for the article-wide pass, which maps
// it to North/South Korea (or whichever divided country the article names).
#pragma once

#include <string_view>
#include <vector>

#include "candidate.hpp"
#include "gazetteer.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/name_runs.hpp"

namespace sluice::plugins::entities {

class RunClassifier {
 public:
  RunClassifier(const nlp::Lexicon& lex, const Gazetteer& gaz) : lex_(lex), gaz_(gaz) {}

  // Appends the candidates of `run` (segment `segment`, text `text`).
  void classify(std::uint32_t segment, std::string_view text, const nlp::Tokens& tokens,
                const nlp::NameRun& run, std::vector<Candidate>& out) const;

 private:
  struct Ctx;
  void plain(Ctx& c, std::uint32_t first, std::uint32_t last) const;
  void stretch(Ctx& c, std::uint32_t first, std::uint32_t last) const;
  bool hyphen_compound(Ctx& c, std::uint32_t first, std::uint32_t last) const;
  void emit(Ctx& c, std::uint32_t first, std::uint32_t last, Kind kind, std::uint8_t strength,
            std::string canonical = {}) const;
  void emit_bytes(Ctx& c, std::uint32_t begin, std::uint32_t end, std::uint32_t token, Kind kind,
                  std::uint8_t strength, std::string canonical) const;
  std::string expand_leading_acronym(Ctx& c, std::uint32_t first, std::uint32_t last) const;

  const nlp::Lexicon& lex_;
  const Gazetteer& gaz_;
};

Kind kind_of(sdk::EntityType t);

}  // namespace sluice::plugins::entities
