// The English NER model (model/ner_en.bin, trained by `make train-ner`),
// compiled into the plugin: the bytes live in the library's read-only data,
// so an installed plugin needs no file beside it and every instance in a
// process shares one parsed model. It is parsed on first use, under the
// static-initialisation guard, and immutable afterwards.
#pragma once

#include <string_view>

#include "nlp/sequence_model.hpp"

namespace sluice::plugins::entities {

std::string_view english_ner_model_bytes();
const nlp::SequenceModel& english_ner_model();

}  // namespace sluice::plugins::entities
