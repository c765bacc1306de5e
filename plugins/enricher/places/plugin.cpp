// The `places` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "places_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "cities",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Also report major cities (capitals and other cities news often names), each "
                    "with its country's code. Off: countries only.",
     .example_toml = "false"},
};

}  // namespace

SLUICE_PLUGIN(places, sluice::plugins::places::PlacesEnricher, "places", "1.0.0",
              "Countries (ISO 3166-1 alpha-2) and major cities named in the article, with counts "
              "(fields.places)",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
