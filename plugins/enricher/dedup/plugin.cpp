// The `dedup` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "dedup_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "max_distance",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "6",
     .description = "Largest Hamming distance between two SimHashes that still makes the later "
                    "article a near-duplicate (0 to 15; 0: identical hashes only). 6 catches "
                    "copies with a few words changed; about 10 also catches a cut paragraph in "
                    "20. Each step up adds a band to look up.",
     .example_toml = "10"},
    {.name = "shingle_words",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "3",
     .description = "Words per shingle (1 to 16). Longer shingles make word-order changes count more.",
     .example_toml = "4"},
    {.name = "min_words",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "20",
     .description = "Articles with fewer words get a simhash but are neither marked nor remembered: "
                    "short texts collide by chance.",
     .example_toml = "50"},
    {.name = "bucket_limit",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "256",
     .description = "Articles remembered per SimHash band bucket; the oldest are forgotten first. "
                    "Bounds the state kept for heavily repeated texts.",
     .example_toml = "256"},
    {.name = "drop",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Drop near-duplicates instead of marking them: they reach no sink, are counted "
                    "as dropped (not failed) in the run summary, and their documents are "
                    "acknowledged.",
     .example_toml = "true"},
};

}  // namespace

SLUICE_PLUGIN(dedup, sluice::plugins::dedup::DedupEnricher, "dedup", "1.0.0",
              "SimHash of the text; near-duplicates of earlier articles (this run or, with a state "
              "store, earlier runs) marked with fields.duplicate_of, or dropped",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
