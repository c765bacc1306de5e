// The options of both Lua plugins (the `lua` enricher and the `lua_parser`
// parser), declared once.
#pragma once

#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::lua {

inline constexpr sluice_option_desc kScriptOptions[] = {
    {.name = "script",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "Lua 5.4 script file, relative to the config file's directory. Give `script` or "
                    "`source`, not both; empty: unset.",
     .example_toml = "\"scripts/tag.lua\""},
    {.name = "source",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "The script inline, instead of a file (a TOML multi-line string); empty: unset.",
     .example_toml = "\"function process(article) article.fields.seen = true end\""},
    {.name = "function",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"process\"",
     .description = "Global function called once per article (enricher) or per document (parser).",
     .example_toml = "\"tag\""},
    {.name = "params",
     .type = SLUICE_OPT_TABLE,
     .required = 0,
     .default_toml = "{}",
     .description = "A table handed to the script as `sluice.params` and to its `init(params)`.",
     .example_toml = "{ min_words = 50 }"},
    {.name = "timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"1s\"",
     .description = "Wall time one call may take; a longer call fails that article (or document).",
     .example_toml = "\"100ms\""},
    {.name = "instruction_limit",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "10000000",
     .description = "Lua VM instructions one call may run (an endless loop fails its article, not the "
                    "run).",
     .example_toml = "1000000"},
    {.name = "memory_limit",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"64MiB\"",
     .description = "Memory the script's Lua state may hold, per worker. Reaching it fails the call.",
     .example_toml = "\"16MiB\""},
};

}  // namespace sluice::plugins::lua
