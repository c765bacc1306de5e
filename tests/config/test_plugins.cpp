// The stage classes behind test_plugins.hpp. They do nothing at run time:
// only their descriptors (kind, name, option table) matter to config tests.
// Compiled with SLUICE_PLUGIN_STATIC, so SLUICE_PLUGIN exports no symbol.
#include "test_plugins.hpp"

#include "sluice/sdk/plugin.hpp"

namespace sluice::config_test {
namespace {

class Feed : public sdk::Source {
 public:
  explicit Feed(const sdk::StageInit&) {}
  bool next(sdk::RawDocument&) override { return false; }
};

class Text : public sdk::Parser {
 public:
  explicit Text(const sdk::StageInit&) {}
  void parse(const sdk::RawDocument&, sdk::ParseOutput&) override {}
};

class Tagger : public sdk::Enricher {
 public:
  explicit Tagger(const sdk::StageInit&) {}
  void enrich(sdk::Article&) override {}
};

class Out : public sdk::Sink {
 public:
  explicit Out(const sdk::StageInit&) {}
  void write(std::span<const sdk::Article>) override {}
};

// One option of every type; defaults chosen so that converted values are
// easy to assert (5s = 5000 ms, 64KiB = 65536 bytes).
constexpr sluice_option_desc kFeedOptions[] = {
    {.name = "path",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Directory to read",
     .example_toml = "\"seeds\""},
    {.name = "attempts",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "3",
     .description = "Attempts per document",
     .example_toml = "5"},
    {.name = "ratio",
     .type = SLUICE_OPT_FLOAT,
     .required = 0,
     .default_toml = "0.25",
     .description = "Share of documents sampled",
     .example_toml = "0.5"},
    {.name = "verbose",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Log every document",
     .example_toml = "true"},
    {.name = "timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"5s\"",
     .description = "Per-request timeout",
     .example_toml = "\"250ms\""},
    {.name = "buffer",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"64KiB\"",
     .description = "Read buffer | pipe in a description",
     .example_toml = "\"1MiB\""},
    {.name = "include",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[\"*.txt\"]",
     .description = "Globs of files to read",
     .example_toml = "[\"*.txt\", \"*.html\"]"},
    {.name = "headers",
     .type = SLUICE_OPT_TABLE,
     .required = 0,
     .default_toml = "{ accept = \"text/html\" }",
     .description = "Extra request headers",
     .example_toml = "{ user_agent = \"sluice\" }"},
    {.name = "since",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = nullptr,
     .description = "Only documents newer than this date",
     .example_toml = "\"2024-01-01\""},
};

constexpr sluice_option_desc kTextOptions[] = {
    {.name = "encoding",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"utf-8\"",
     .description = "Character set of the input",
     .example_toml = "\"latin1\""},
};

constexpr sluice_option_desc kOutOptions[] = {
    {.name = "path",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "File to write",
     .example_toml = "\"out/articles.jsonl\""},
    // Required without an example: the sample falls back to a placeholder
    // and the missing-option message has no "e.g." part.
    {.name = "flush_every",
     .type = SLUICE_OPT_DURATION,
     .required = 1,
     .default_toml = nullptr,
     .description = "How often to flush",
     .example_toml = nullptr},
};

}  // namespace
}  // namespace sluice::config_test

SLUICE_PLUGIN(config_test_feed, sluice::config_test::Feed, "feed", "1.2.3",
              "Test source with one option of every type", sluice::config_test::kFeedOptions, 0)
SLUICE_PLUGIN(config_test_text, sluice::config_test::Text, "text", "1.0.0", "Test parser",
              sluice::config_test::kTextOptions, 0)
SLUICE_PLUGIN(config_test_tagger, sluice::config_test::Tagger, "tagger", "1.0.0",
              "Test enricher without options", nullptr, 0)
SLUICE_PLUGIN(config_test_out, sluice::config_test::Out, "out", "1.0.0", "Test sink",
              sluice::config_test::kOutOptions, 0)

namespace sluice::config_test {

void register_test_plugins(host::PluginRegistry& registry) {
  registry.register_builtin(plugins::config_test_feed::descriptor());
  registry.register_builtin(plugins::config_test_text::descriptor());
  registry.register_builtin(plugins::config_test_tagger::descriptor());
  registry.register_builtin(plugins::config_test_out::descriptor());
}

}  // namespace sluice::config_test
