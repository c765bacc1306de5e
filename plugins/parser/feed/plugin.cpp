// The `feed` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "feed_parser.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "max_bytes",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"16MiB\"",
     .description = "Largest feed parsed, compressed and again after gzip inflation. A larger one "
                    "fails with an error giving its size and this limit.",
     .example_toml = "\"64MiB\""},
    {.name = "fallback_charset",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"windows-1252\"",
     .description = "Charset assumed for a feed that is not valid UTF-8 and declares none (no "
                    "byte-order mark, XML encoding or content-type charset). Any name iconv knows.",
     .example_toml = "\"windows-1251\""},
    {.name = "keep_summary",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "When an item has both full content and a summary, the body is the content and "
                    "the summary is kept in `fields.summary`. Off: the summary is dropped.",
     .example_toml = "false"},
};

}  // namespace

SLUICE_PLUGIN(feed, FeedParser, "feed", "1.0.0",
              "Parses RSS 0.9x/1.0/2.0, Atom 1.0 and JSON Feed documents, one article per item", kOptions,
              SLUICE_PLUGIN_FLAG_THREAD_SAFE)
