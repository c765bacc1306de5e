// In-process descriptors only: nothing here is exported from a binary.
#define SLUICE_PLUGIN_STATIC
#include "stub_plugins.hpp"

#include "sluice/sdk/plugin.hpp"

namespace {

class StubSource : public sluice::sdk::Source {
 public:
  explicit StubSource(const sluice::sdk::StageInit&) {}
  bool next(sluice::sdk::RawDocument&) override { return false; }
};

class StubParser : public sluice::sdk::Parser {
 public:
  explicit StubParser(const sluice::sdk::StageInit&) {}
  void parse(const sluice::sdk::RawDocument&, sluice::sdk::ParseOutput&) override {}
};

class StubSink : public sluice::sdk::Sink {
 public:
  explicit StubSink(const sluice::sdk::StageInit&) {}
  void write(std::span<const sluice::sdk::Article>) override {}
};

// The stand-in says it delivers everything on every run, so a sink option
// the host only accepts beside such sources (jsonl mode = "replace")
// validates on its own too.
constexpr sluice_option_desc kStubSourceOptions[] = {
    {.name = "incremental",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Always false: the stand-in remembers nothing between runs.",
     .example_toml = "false"},
};

}  // namespace

SLUICE_PLUGIN(sluice_testing_stub_source, StubSource, sluice::sdk::testing::detail::kStubSource, "0",
              "stand-in source for option validation", kStubSourceOptions, 0)
SLUICE_PLUGIN(sluice_testing_stub_parser, StubParser, sluice::sdk::testing::detail::kStubParser, "0",
              "stand-in parser for option validation", nullptr, 0)
SLUICE_PLUGIN(sluice_testing_stub_sink, StubSink, sluice::sdk::testing::detail::kStubSink, "0",
              "stand-in sink for option validation", nullptr, 0)

namespace sluice::sdk::testing::detail {

const sluice_plugin_descriptor* stub_source() { return plugins::sluice_testing_stub_source::descriptor(); }
const sluice_plugin_descriptor* stub_parser() { return plugins::sluice_testing_stub_parser::descriptor(); }
const sluice_plugin_descriptor* stub_sink() { return plugins::sluice_testing_stub_sink::descriptor(); }

}  // namespace sluice::sdk::testing::detail
