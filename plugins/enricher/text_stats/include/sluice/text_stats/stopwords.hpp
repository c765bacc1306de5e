// Function words that carry no topic: keyword candidates break at them and
// summaries do not count them.
#pragma once

#include <string_view>

#include "sluice/text_stats/string_table.hpp"

namespace sluice::plugins::text_stats {

// The stopwords of `language` (ISO 639-1), lower-case as append_folded()
// makes them. English, German, French, Spanish, Italian, Portuguese and
// Dutch have lists; any other language (or none) gets the English one,
// which is right for the common case of English text with no language set.
// The English list adds the verbs and fillers of news prose ("said",
// "told", "according") and honorifics ("mr", "mrs"), so "Mr Shoigu said"
// leaves "Shoigu".
const StringTable& stopwords(std::string_view language);

}  // namespace sluice::plugins::text_stats
