// The `language` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "language_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "overwrite",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Replace a language the parser already set. Off: such articles are left alone.",
     .example_toml = "true"},
    {.name = "languages",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[]",
     .description = "ISO 639-1 codes to choose from; empty for every built-in profile (en de fr es "
                    "it pt nl ru uk pl sv da nb fi cs sk hu ro tr el bg ca vi id). Fewer "
                    "candidates, fewer confusions.",
     .example_toml = "[\"en\", \"de\", \"fr\"]"},
    {.name = "max_bytes",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "512",
     .description = "Bytes of title and body read (512: about 80 words). The opening decides "
                    "the language as well as the whole article, at a fraction of the cost.",
     .example_toml = "4096"},
    {.name = "min_letters",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "20",
     .description = "Articles with fewer letters get no language (too little evidence).",
     .example_toml = "50"},
    {.name = "min_confidence",
     .type = SLUICE_OPT_FLOAT,
     .required = 0,
     .default_toml = "0.5",
     .description = "Below this confidence `language` stays unset; `fields.language_confidence` is "
                    "written either way.",
     .example_toml = "0.9"},
};

}  // namespace

SLUICE_PLUGIN(language, sluice::plugins::language::LanguageEnricher, "language", "1.0.0",
              "Detects the language (ISO 639-1) from character n-grams, with a confidence", kOptions,
              SLUICE_PLUGIN_FLAG_THREAD_SAFE)
