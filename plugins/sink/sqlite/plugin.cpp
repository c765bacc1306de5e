// Descriptor of the `sqlite` sink: its option schema and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "sqlite_sink.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "path",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Database file. A relative path resolves against the config file's "
                    "directory; missing parent directories are created.",
     .example_toml = "\"out/articles.db\""},
    {.name = "table",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"articles\"",
     .description = "Table to upsert into, created if missing. A plain identifier: letters, "
                    "digits and '_', not starting with a digit.",
     .example_toml = "\"news\""},
    {.name = "fts",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Keep an FTS5 full-text index of title and body in the table named like "
                    "`table` plus \"_fts\" (articles_fts by default), kept in sync by triggers.",
     .example_toml = "false"},
    {.name = "busy_timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"5s\"",
     .description = "How long to wait for another writer's lock before the batch fails.",
     .example_toml = "\"30s\""},
    {.name = "synchronous",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"normal\"",
     .description = "\"normal\" survives a crash of the process; \"full\" also survives power "
                    "loss, at the cost of a sync per batch.",
     .example_toml = "\"full\""},
};

}  // namespace

SLUICE_PLUGIN(sqlite, sluice::plugins::sqlite::SqliteSink, "sqlite", "1.0.0",
              "Upserts articles into an SQLite table with an optional full-text index", kOptions,
              SLUICE_PLUGIN_FLAG_SEARCHABLE)
