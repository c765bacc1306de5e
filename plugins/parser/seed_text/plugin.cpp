// The `seed_text` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "seed_text_parser.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "max_bytes",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"16MiB\"",
     .description = "Largest document parsed. A larger one fails with an error giving its "
                    "size and this limit.",
     .example_toml = "\"64MiB\""},
    {.name = "title_from_first_paragraph",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Seed documents carry no headline. Off: the title stays empty. On: the "
                    "title is the first sentence of the first paragraph (which stays in "
                    "the body).",
     .example_toml = "true"},
    {.name = "keep_raw",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Keep the document's original bytes in the article's `raw` field.",
     .example_toml = "true"},
};

}  // namespace

SLUICE_PLUGIN(seed_text, SeedTextParser, "seed_text", "1.0.0",
              "Parses seed articles: a 'date YYYY-MM-DD caption - credit' line, then "
              "paragraphs separated by blank lines",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
