// The `keywords` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "keywords_enricher.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "top",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "10",
     .description = "Keywords kept per article, best first.",
     .example_toml = "5"},
    {.name = "max_words",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "3",
     .description = "Longest key phrase, in words (1 to 6).",
     .example_toml = "2"},
    {.name = "min_phrase_count",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "2",
     .description = "A phrase of two or more words must occur this often to be a keyword; single "
                    "words need only occur.",
     .example_toml = "3"},
    {.name = "document_frequencies",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Count in how many articles each word occurs, in the host's state store "
                    "(when it has one), and weight words by inverse document frequency (TF-IDF).",
     .example_toml = "false"},
    {.name = "min_documents",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "20",
     .description = "Articles counted before document frequencies are used; until then every "
                    "word weighs the same.",
     .example_toml = "100"},
};

}  // namespace

SLUICE_PLUGIN(keywords, sluice::plugins::keywords::KeywordsEnricher, "keywords", "1.0.0",
              "Ranked key phrases (stopword-delimited phrases scored by frequency, position and "
              "capitalisation; TF-IDF once document frequencies are known)",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
