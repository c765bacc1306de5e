// The `plain_text` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "plain_text_parser.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "max_bytes",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"16MiB\"",
     .description = "Largest document parsed. A larger one fails with an error giving its "
                    "size and this limit.",
     .example_toml = "\"64MiB\""},
    {.name = "first_line_is_title",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "On: the first non-empty line is the headline and the body starts after it. "
                    "Off: the title stays empty and every line is body text.",
     .example_toml = "false"},
    {.name = "fallback_charset",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"windows-1252\"",
     .description = "Charset assumed for a document that is not valid UTF-8 and declares none "
                    "(no byte-order mark, no charset in its content type). Any name iconv knows.",
     .example_toml = "\"windows-1251\""},
    {.name = "keep_raw",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Keep the document's original bytes in the article's `raw` field.",
     .example_toml = "true"},
};

}  // namespace

SLUICE_PLUGIN(plain_text, PlainTextParser, "plain_text", "1.0.0",
              "Parses plain-text articles: a headline line, then paragraphs separated by blank lines",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
