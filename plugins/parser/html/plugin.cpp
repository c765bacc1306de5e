// The `html` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "html_parser.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "max_bytes",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"16MiB\"",
     .description = "Largest page parsed. A larger one fails with an error giving its size and this limit.",
     .example_toml = "\"64MiB\""},
    {.name = "fallback_charset",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"windows-1252\"",
     .description = "Charset assumed for a page that is not valid UTF-8 and declares none (no byte-order "
                    "mark, no charset in its content type or <meta>). Any name iconv knows.",
     .example_toml = "\"windows-1251\""},
    {.name = "favor",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"balanced\"",
     .description = "What the main-text extraction prefers when a block could be article or boilerplate: "
                    "\"precision\" (drop more link-heavy blocks and boxes), \"balanced\" or \"recall\" (keep "
                    "more of them).",
     .example_toml = "\"precision\""},
    {.name = "min_paragraph_chars",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "0",
     .description = "Paragraphs shorter than this many characters are dropped at the start and the end of "
                    "the main text, where bylines, dates and credits sit; inside the text they stay.",
     .example_toml = "20"},
    {.name = "use_json_ld",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Use the page's JSON-LD articleBody instead of the markup's text when that text is much "
                    "shorter or a different text (pages that render their article with scripts).",
     .example_toml = "false"},
    {.name = "keep_raw",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Keep the page's original bytes in the article's `raw` field.",
     .example_toml = "true"},
};

}  // namespace

SLUICE_PLUGIN(html, sluice::plugins::html::HtmlParser, "html", "1.0.0",
              "Extracts the article from a web page: headline, date, authors, lead caption, language and "
              "the main text without navigation, ads, comments and other boilerplate",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
