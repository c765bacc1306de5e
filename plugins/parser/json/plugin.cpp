// The `json` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "json_parser.hpp"

namespace {

// Field options take a member name ("headline"), a dotted path into nested
// objects ("meta.headline") or a JSON Pointer ("/meta/headline").
constexpr sluice_option_desc kOptions[] = {
    {.name = "title",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"title\"",
     .description = "Field holding the headline (a string).",
     .example_toml = "\"headline\""},
    {.name = "body",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"body\"",
     .description = "Field holding the text: a string (split into paragraphs at blank lines) or "
                    "an array of strings (one paragraph each).",
     .example_toml = "\"paragraphs\""},
    {.name = "published",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"published\"",
     .description = "Field holding the publication date: ISO 8601, RFC 822 or Unix seconds/milliseconds.",
     .example_toml = "\"date\""},
    {.name = "authors",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"authors\"",
     .description = "Field holding the authors: a string, an array of strings, or objects with a "
                    "`name`.",
     .example_toml = "\"byline\""},
    {.name = "id",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"id\"",
     .description = "Field holding the record's own id; it keys the article id. Without one, the "
                    "record's position keys it.",
     .example_toml = "\"uuid\""},
    {.name = "url",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"url\"",
     .description = "Field holding the article's URL, which becomes its `source_uri`.",
     .example_toml = "\"link\""},
    {.name = "language",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"language\"",
     .description = "Field holding the ISO 639-1 language code.",
     .example_toml = "\"lang\""},
    {.name = "keep_fields",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[]",
     .description = "More fields copied as they are into the article's `fields` map, under "
                    "their last path segment.",
     .example_toml = "[\"section\", \"tags\"]"},
    {.name = "records",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "Where the articles are in a JSON document: empty for the root (an object is "
                    "one article, an array holds one per element), else the path of an array.",
     .example_toml = "\"data.articles\""},
    {.name = "lines",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"auto\"",
     .description = "`true`: JSON Lines, one article per line. `false`: one JSON document. "
                    "`auto`: JSON Lines for `.jsonl`/`.ndjson` files and content types, or when the "
                    "document is several JSON values one per line.",
     .example_toml = "\"true\""},
    {.name = "max_bytes",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"256MiB\"",
     .description = "Largest document parsed. A larger one fails with an error giving its "
                    "size and this limit.",
     .example_toml = "\"1GiB\""},
    {.name = "fallback_charset",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"windows-1252\"",
     .description = "Charset assumed for a document that is not valid UTF-8 and declares none. "
                    "Any name iconv knows.",
     .example_toml = "\"windows-1251\""},
    {.name = "keep_raw",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Keep each record's JSON text in the article's `raw` field.",
     .example_toml = "true"},
};

}  // namespace

SLUICE_PLUGIN(json, JsonParser, "json", "1.0.0",
              "Parses JSON and JSON Lines articles with a configurable field mapping", kOptions,
              SLUICE_PLUGIN_FLAG_THREAD_SAFE)
