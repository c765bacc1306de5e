#include "ner_model.hpp"

// The model file is assembled into this object (.incbin): no conversion
// step, no giant array literal to compile. SLUICE_NER_MODEL_FILE is its
// absolute path; SLUICE_NER_MODEL_SHA256 (its hash) makes the compiler
// cache see a new model as a new source. The symbols are hidden so that
// plugins linked into one program cannot clash.
#define SLUICE_STR2(x) #x
#define SLUICE_STR(x) SLUICE_STR2(x)
__asm__(
    ".pushsection .rodata.sluice_ner_model,\"a\",@progbits\n"
    ".balign 16\n"
    ".globl sluice_ner_model_begin\n"
    ".hidden sluice_ner_model_begin\n"
    "sluice_ner_model_begin:\n"
    ".incbin \"" SLUICE_NER_MODEL_FILE
    "\"\n"
    ".globl sluice_ner_model_end\n"
    ".hidden sluice_ner_model_end\n"
    "sluice_ner_model_end:\n"
    ".popsection\n");

extern "C" const char sluice_ner_model_begin[];
extern "C" const char sluice_ner_model_end[];

namespace sluice::plugins::entities {

// Kept so the hash is part of the object even when unused elsewhere.
[[maybe_unused]] static constexpr const char* kModelHash = SLUICE_STR(SLUICE_NER_MODEL_SHA256);

std::string_view english_ner_model_bytes() {
  return {sluice_ner_model_begin, static_cast<std::size_t>(sluice_ner_model_end - sluice_ner_model_begin)};
}

const nlp::SequenceModel& english_ner_model() {
  static const nlp::SequenceModel model(english_ner_model_bytes());
  return model;
}

}  // namespace sluice::plugins::entities
