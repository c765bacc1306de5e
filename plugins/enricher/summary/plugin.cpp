// The `summary` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "summary_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "sentences",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "3",
     .description = "Sentences in the summary (1 to 100), quoted in the order the article has them.",
     .example_toml = "2"},
    {.name = "position_weight",
     .type = SLUICE_OPT_FLOAT,
     .required = 0,
     .default_toml = "1.0",
     .description = "Bonus for early sentences: the n-th sentence's score is multiplied by "
                    "1 + position_weight / n. 0 ranks by word frequency alone; news ledes "
                    "deserve the default.",
     .example_toml = "0.5"},
    {.name = "min_words",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "6",
     .description = "Sentences with fewer words are never chosen (they are rarely informative on their own).",
     .example_toml = "4"},
};

}  // namespace

SLUICE_PLUGIN(summary, sluice::plugins::summary::SummaryEnricher, "summary", "1.0.0",
              "Extractive summary: the body's highest-scoring sentences (word frequency and "
              "position) in fields.summary",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
