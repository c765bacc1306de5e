// Descriptor of the `stdin` source: its option schema and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "stdin_source.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "format",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"text\"",
     .description = "\"text\": documents separated by a delimiter line; \"jsonl\": one JSON "
                    "document per line (blank lines skipped), for the json parser.",
     .example_toml = "\"jsonl\""},
    {.name = "delimiter",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\\f\"",
     .description = "With format \"text\": a line holding exactly this text (a trailing \\r "
                    "ignored) ends a document and is not part of it. Newlines around it are "
                    "ignored (\"\\n\\n---\\n\\n\" means the line ---). The default is a form feed "
                    "alone on its line.",
     .example_toml = "\"---\""},
    {.name = "content_type",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "MIME type given to every document, which parsers' `match` can select. "
                    "Empty: \"text/plain\" for format \"text\", \"application/json\" for \"jsonl\".",
     .example_toml = "\"text/html\""},
    {.name = "max_document_size",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"16MiB\"",
     .description = "Largest document kept in memory. A larger one is skipped up to its end and "
                    "reported as a source error naming its number; reading goes on after it.",
     .example_toml = "\"64MiB\""},
};

}  // namespace

SLUICE_PLUGIN(stdin, sluice::plugins::stdin_source::StdinSource, "stdin", "1.0.0",
              "Reads documents from standard input, split by a delimiter line or one JSON per line", kOptions,
              0)
