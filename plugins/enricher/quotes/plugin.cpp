// The `quotes` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "quotes_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "scare_max_words",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "3",
     .description = "A quotation of at most this many words that no speaker is attributed to is a scare "
                    "quote (scare = true, no speaker). 0: none are.",
     .example_toml = "2"},
    {.name = "scare_quotes",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Keep scare quotes in the article's quotes (marked scare = true). Off: drop them.",
     .example_toml = "false"},
};

}  // namespace

SLUICE_PLUGIN(quotes, sluice::plugins::quotes::QuotesEnricher, "quotes", "1.0.0",
              "Finds direct quotations and who said them (the canonical entity name when the entities "
              "enricher ran first), and marks scare quotes",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
