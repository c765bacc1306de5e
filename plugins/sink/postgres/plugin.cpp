// Descriptor of the `postgres` sink: its option schema and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "postgres_sink.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "connection",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "libpq connection string: a URI (postgresql://user@host:5432/db) or "
                    "key=value pairs (host=... dbname=...). Use ${VAR} to keep a password out "
                    "of the file; unset parts fall back to libpq's PG* environment variables.",
     .example_toml = "\"${SLUICE_POSTGRES_URL:-postgresql://localhost/sluice}\""},
    {.name = "table",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"articles\"",
     .description = "Table to upsert into, created with its full-text index if missing. A plain "
                    "identifier: letters, digits and '_', not starting with a digit, at most 48 "
                    "characters.",
     .example_toml = "\"news\""},
    {.name = "fts_config",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"simple\"",
     .description = "PostgreSQL text search configuration of the `search` column, fixed when "
                    "the table is created: \"simple\" (no stemming, any language) or e.g. "
                    "\"english\".",
     .example_toml = "\"english\""},
    {.name = "connect_timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"10s\"",
     .description = "How long one connection attempt may take, unless `connection` sets "
                    "connect_timeout itself. A failed attempt fails the batch, which the host "
                    "retries with backoff.",
     .example_toml = "\"30s\""},
};

}  // namespace

SLUICE_PLUGIN(postgres, sluice::plugins::postgres::PostgresSink, "postgres", "1.0.0",
              "Upserts articles into a PostgreSQL table with JSONB and a full-text index", kOptions,
              SLUICE_PLUGIN_FLAG_SEARCHABLE)
