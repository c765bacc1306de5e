// The word lists in plugins/enricher/common/data/, embedded at build time
// (see cmake/SluiceNlpData.cmake). Each returns the file's text.
#pragma once

#include <string_view>

namespace sluice::plugins::nlp::data {

std::string_view stopwords();
std::string_view honorifics();
std::string_view roles();
std::string_view role_modifiers();
std::string_view org_heads();
std::string_view misc_heads();
std::string_view loc_heads();
std::string_view particles();
std::string_view speech_verbs();

}  // namespace sluice::plugins::nlp::data
