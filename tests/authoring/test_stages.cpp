#include "test_stages.hpp"

#include "sluice/sdk/plugin.hpp"

namespace sluice::plugins {
namespace probe {

class Probe : public sdk::Enricher {
 public:
  explicit Probe(const sdk::StageInit& init) : options_(init.options.all()) {}
  void enrich(sdk::Article& a) override { a.fields["options"] = sdk::Value(options_); }

 private:
  sdk::Map options_;
};

constexpr sluice_option_desc kOptions[] = {
    {.name = "label",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"probe\"",
     .description = "A string.",
     .example_toml = "\"x\""},
    {.name = "count",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "3",
     .description = "An int.",
     .example_toml = "7"},
    {.name = "ratio",
     .type = SLUICE_OPT_FLOAT,
     .required = 0,
     .default_toml = "0.5",
     .description = "A float.",
     .example_toml = "1.5"},
    {.name = "verbose",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "A bool.",
     .example_toml = "true"},
    {.name = "wait",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"5s\"",
     .description = "A duration.",
     .example_toml = "\"1m30s\""},
    {.name = "limit",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"64KiB\"",
     .description = "A size.",
     .example_toml = "\"10MB\""},
    {.name = "tags",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[\"a\", \"b\"]",
     .description = "A list.",
     .example_toml = "[\"c\"]"},
    {.name = "extra",
     .type = SLUICE_OPT_TABLE,
     .required = 0,
     .default_toml = "{}",
     .description = "A table.",
     .example_toml = "{ depth = 2 }"},
    {.name = "target",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "A required string.",
     .example_toml = "\"out\""},
};

}  // namespace probe

namespace script_parser {

class ScriptParser : public sdk::Parser {
 public:
  explicit ScriptParser(const sdk::StageInit&) {}
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override {
    if (doc.bytes == "throw") throw sdk::StageError("asked to throw");
    if (doc.bytes == "partial") {
      out.article(titled("first"));
      out.error("the middle part failed");
      out.article(titled("last"));
      return;
    }
    out.article(titled(doc.bytes));
    if (doc.bytes == "half") throw sdk::StageError("failed half way");
  }

 private:
  static sdk::Article titled(std::string title) {
    sdk::Article a;
    a.title = std::move(title);
    return a;
  }
};

}  // namespace script_parser

namespace script_source {

class ScriptSource : public sdk::Source {
 public:
  explicit ScriptSource(const sdk::StageInit& init)
      : count_(init.options.integer("count")), state_(init.state) {}
  bool next(sdk::RawDocument& out) override {
    if (produced_ >= count_) return false;
    out.key = "doc-" + std::to_string(++produced_);
    out.cursor = out.key;
    out.bytes = "text of " + out.key;
    return true;
  }
  void acknowledge(std::string_view cursor) override {
    if (cursor == "bad") throw sdk::StageError("cannot acknowledge 'bad'");
    state_->put("cursor", cursor);
  }

 private:
  std::int64_t count_;
  std::int64_t produced_ = 0;
  sdk::StateStore* state_;
};

constexpr sluice_option_desc kOptions[] = {
    {.name = "count",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "2",
     .description = "Documents to produce.",
     .example_toml = "5"},
};

}  // namespace script_source

namespace script_sink {

class ScriptSink : public sdk::Sink {
 public:
  explicit ScriptSink(const sdk::StageInit& init) : state_(init.state), log_(init.log) {}
  void write(std::span<const sdk::Article> batch) override {
    std::string written = state_->get("written").value_or("");
    for (const auto& a : batch) {
      if (a.title == "fail") throw sdk::StageError("cannot store 'fail'");
      written += a.title + ";";
    }
    state_->put("written", written);
    log_->info("stored " + std::to_string(batch.size()));
  }
  void close() override { state_->put("closed", "yes"); }

 private:
  sdk::StateStore* state_;
  sdk::Log* log_;
};

}  // namespace script_sink
}  // namespace sluice::plugins

SLUICE_PLUGIN(probe, sluice::plugins::probe::Probe, "probe", "1.0.0", "Declares every option type",
              sluice::plugins::probe::kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
SLUICE_PLUGIN(script_parser, sluice::plugins::script_parser::ScriptParser, "script_parser", "1.0.0",
              "Parses as its input says", nullptr, 0)
SLUICE_PLUGIN(script_source, sluice::plugins::script_source::ScriptSource, "script_source", "1.0.0",
              "Produces numbered documents", sluice::plugins::script_source::kOptions, 0)
SLUICE_PLUGIN(script_sink, sluice::plugins::script_sink::ScriptSink, "script_sink", "1.0.0",
              "Records titles in its state", nullptr, 0)
