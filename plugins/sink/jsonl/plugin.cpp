// Descriptor of the `jsonl` sink: its option schema and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "jsonl_sink.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "path",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Output file. A relative path resolves against the config file's directory; "
                    "missing parent directories are created.",
     .example_toml = "\"out/articles.jsonl\""},
    {.name = "mode",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"append\"",
     .description = "\"append\": keep lines across runs; a non-empty file the state database "
                    "has no checkpoint for (first run, state lost or reset) is refused until "
                    "`sluice run --adopt-output` or `--reset-output` settles it. \"truncate\": "
                    "the same, but such a file is emptied. \"replace\": empty the file at the "
                    "start of every run (only with sources set to incremental = false). After a "
                    "crash every mode cuts the file back to its last checkpoint.",
     .example_toml = "\"truncate\""},
    {.name = "fsync",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Flush each batch to disk (fdatasync) before acknowledging it. Without it a "
                    "power loss can drop acknowledged articles.",
     .example_toml = "false"},
};

}  // namespace

SLUICE_PLUGIN(jsonl, sluice::plugins::jsonl::JsonlSink, "jsonl", "1.0.0",
              "Writes one canonical JSON object per article per line", kOptions,
              SLUICE_PLUGIN_FLAG_ROLLS_BACK)
