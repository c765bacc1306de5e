// Extracting a place and language gazetteer from Debian's iso-codes JSON.
#pragma once

#include <string>

namespace sluice::nlp_datagen {

// "phrase<TAB>TYPE<TAB>canonical" lines (TYPE is LOCATION or MISC) from
// iso_3166-1 (countries), iso_3166-3 (former countries), selected
// iso_3166-2 subdivisions whose names English news uses as written (US
// states, Canadian provinces, Indian states ...) and the ISO 639-1
// languages of iso_639-2. Throws when a file is missing or malformed.
std::string iso_gazetteer(const std::string& json_dir);

}  // namespace sluice::nlp_datagen
