// The `readability` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "readability_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "words_per_minute",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "238",
     .description = "Reading speed for `reading_minutes`. 238 is the average silent reading rate "
                    "of adults for non-fiction in English.",
     .example_toml = "200"},
};

}  // namespace

SLUICE_PLUGIN(readability, sluice::plugins::readability::ReadabilityEnricher, "readability", "1.0.0",
              "Counts words and sentences of the body; reading time and Flesch reading ease", kOptions,
              SLUICE_PLUGIN_FLAG_THREAD_SAFE)
