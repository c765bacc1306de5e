// The closed word classes the name and quote rules consult: function
// words, courtesy titles, role words, organisation/place/MISC head words,
// name particles and verbs of speech. Built once per stage from the
// embedded lists and immutable after, so one instance serves every worker
// thread. All classes of a word come from one hash lookup (word_classes).
#pragma once

#include <cstdint>
#include <string_view>

#include "nlp/folded_map.hpp"

namespace sluice::plugins::nlp {

enum class Speech : unsigned char { None, Verb, Participle, Naming };

namespace wc {
inline constexpr std::uint16_t kStopword = 1 << 0;
inline constexpr std::uint16_t kHonorific = 1 << 1;
inline constexpr std::uint16_t kRole = 1 << 2;
inline constexpr std::uint16_t kRoleModifier = 1 << 3;
inline constexpr std::uint16_t kOrgHead = 1 << 4;
inline constexpr std::uint16_t kMiscHead = 1 << 5;
inline constexpr std::uint16_t kLocHeadFinal = 1 << 6;
inline constexpr std::uint16_t kLocHeadInitial = 1 << 7;
inline constexpr std::uint16_t kParticle = 1 << 8;
inline constexpr std::uint16_t kSpeechVerb = 1 << 9;
inline constexpr std::uint16_t kSpeechParticiple = 1 << 10;
inline constexpr std::uint16_t kNamingVerb = 1 << 11;
}  // namespace wc

class Lexicon {
 public:
  Lexicon();

  // Every class of `w` (wc:: bits); lookups ignore case (folded_map.hpp).
  std::uint16_t word_classes(std::string_view w) const {
    auto it = classes_.find(w);
    return it == classes_.end() ? 0 : it->second;
  }
  bool is(std::string_view w, std::uint16_t cls) const { return (word_classes(w) & cls) != 0; }

  bool stopword(std::string_view w) const { return is(w, wc::kStopword); }
  bool honorific(std::string_view w) const { return is(w, wc::kHonorific); }
  bool role(std::string_view w) const { return is(w, wc::kRole); }
  bool role_modifier(std::string_view w) const { return is(w, wc::kRoleModifier); }
  bool org_head(std::string_view w) const { return is(w, wc::kOrgHead); }
  bool misc_head(std::string_view w) const { return is(w, wc::kMiscHead); }
  bool loc_head_final(std::string_view w) const { return is(w, wc::kLocHeadFinal); }
  bool loc_head_initial(std::string_view w) const { return is(w, wc::kLocHeadInitial); }
  bool particle(std::string_view w) const { return is(w, wc::kParticle); }
  // How a word attributes speech (data/speech_verbs.txt); lower-case
  // words only, so "Say" as a name is not a verb.
  Speech speech(std::string_view w) const;

 private:
  FoldedMap<std::uint16_t> classes_;
};

}  // namespace sluice::plugins::nlp
