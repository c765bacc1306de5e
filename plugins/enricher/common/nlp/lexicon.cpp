#include "nlp/lexicon.hpp"

#include "nlp/data.hpp"

namespace sluice::plugins::nlp {

Lexicon::Lexicon() {
  auto load = [&](std::string_view text, std::uint16_t cls) {
    for_each_line(text, [&](std::string_view line) { classes_[fold(line)] |= cls; });
  };
  load(data::stopwords(), wc::kStopword);
  load(data::honorifics(), wc::kHonorific);
  load(data::roles(), wc::kRole);
  load(data::role_modifiers(), wc::kRoleModifier);
  load(data::org_heads(), wc::kOrgHead);
  load(data::misc_heads(), wc::kMiscHead);
  load(data::particles(), wc::kParticle);
  for_each_line(data::loc_heads(), [&](std::string_view line) {
    std::string_view f[2];
    split_tabs(line, f);
    const std::uint16_t pos = f[1] == "initial" ? wc::kLocHeadInitial
                              : f[1] == "both"  ? (wc::kLocHeadInitial | wc::kLocHeadFinal)
                                                : wc::kLocHeadFinal;
    classes_[fold(f[0])] |= pos;
  });
  for_each_line(data::speech_verbs(), [&](std::string_view line) {
    std::string_view f[2];
    split_tabs(line, f);
    classes_[fold(f[0])] |= f[1] == "participle" ? wc::kSpeechParticiple
                            : f[1] == "naming"   ? wc::kNamingVerb
                                                 : wc::kSpeechVerb;
  });
}

Speech Lexicon::speech(std::string_view w) const {
  if (w.empty() || w[0] < 'a' || w[0] > 'z') return Speech::None;
  const std::uint16_t c = word_classes(w);
  if (c & wc::kSpeechVerb) return Speech::Verb;
  if (c & wc::kSpeechParticiple) return Speech::Participle;
  if (c & wc::kNamingVerb) return Speech::Naming;
  return Speech::None;
}

}  // namespace sluice::plugins::nlp
