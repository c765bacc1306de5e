// The `entities` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "entities_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "types",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[\"PERSON\", \"ORG\", \"LOCATION\", \"MISC\"]",
     .description = "Entity types to keep: any of PERSON, ORG, LOCATION, MISC.",
     .example_toml = "[\"PERSON\", \"ORG\"]"},
    {.name = "title",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Look for entities in the title (mentions with paragraph -1).",
     .example_toml = "false"},
    {.name = "caption",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Look for entities in the photo caption (mentions with paragraph -2).",
     .example_toml = "false"},
    {.name = "credit",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Look for known agencies in the photo credit, split at slashes, semicolons and commas "
                    "(mentions with paragraph -3); unknown codes such as STR are skipped.",
     .example_toml = "false"},
    {.name = "min_mentions",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "1",
     .description = "Keep only entities mentioned at least this many times.",
     .example_toml = "2"},
    {.name = "languages",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[\"en\"]",
     .description = "Languages (ISO 639-1, as the article's `language` says) the English model runs on. Any "
                    "other language gets no entities and the field `entities_skipped` naming it; an article "
                    "with no language is treated as English.",
     .example_toml = "[\"en\"]"},
    {.name = "gazetteer",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "Extra names, one per line: name<TAB>PERSON|ORG|LOCATION|MISC[<TAB>canonical name]. "
                    "They take precedence over the built-in lists. Empty: none.",
     .example_toml = "\"config/names.tsv\""},
};

}  // namespace

SLUICE_PLUGIN(entities, sluice::plugins::entities::EntitiesEnricher, "entities", "1.0.0",
              "Finds people, organisations, places and other names (MISC) with every mention's offsets and "
              "one canonical name per entity",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
