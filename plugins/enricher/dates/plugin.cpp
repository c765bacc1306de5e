// The `dates` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "dates_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "day_first",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "How to read 03/04/2023 when both numbers could be the month: true is 3 April "
                    "(most of the world), false is March 4 (US). A part over 12 is always the day.",
     .example_toml = "false"},
    {.name = "relative",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Also find relative dates (\"yesterday\", \"this week\", \"last year\", \"on "
                    "Monday\") and resolve them against the published date.",
     .example_toml = "false"},
};

}  // namespace

SLUICE_PLUGIN(dates, sluice::plugins::dates::DatesEnricher, "dates", "1.0.0",
              "Published date in ISO 8601; absolute and relative dates in the text (fields.dates)", kOptions,
              SLUICE_PLUGIN_FLAG_THREAD_SAFE)
