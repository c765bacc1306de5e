// StageHarness: one stage instance, created the way the host creates it, fed
// in-process. No TOML, no pipeline, no threads:
//
//   sluice::sdk::testing::StageHarness h("build/my_enricher.so", {.options = {{"field", "n"}}});
//   auto r = h.run_enricher(sluice::sdk::testing::make_article("Title", {"one two"}));
//   EXPECT_FALSE(r.failed()) << r.failure;
//   EXPECT_EQ(r.article.fields["n"], sluice::sdk::Value(2));
//
// The plugin passes the host's descriptor gate (from a .so file through the
// real loader, or an in-process descriptor), its options are the declared
// defaults plus overrides converted by the host's validator (see
// options.hpp), and the stage is created and destroyed through the
// descriptor's own create/destroy. Whatever a stage throws while running is
// caught and reported in the result, as the host reports it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/testing/builders.hpp"
#include "sluice/sdk/testing/options.hpp"
#include "sluice/sdk/testing/recorders.hpp"

namespace sluice::sdk::testing {

struct StageSetup {
  // Members have initializers so that designated initializers naming only
  // some of them ({.options = ...}) compile cleanly under GCC's -Wextra.
  //
  // Overrides of the declared defaults, as values a TOML block would hold.
  Map options{};
  // Start from the options of this file's stage block for the plugin (e.g.
  // the plugin's sample.toml) instead of the bare defaults; `options` still
  // apply on top.
  std::filesystem::path sample{};
  // StageInit::base_dir: relative paths in options resolve here (empty: the
  // working directory, as for an embedder without a config file).
  std::string base_dir{};
  std::string pipeline = "test";
  std::string name{};  // empty: the plugin's name
  // Where the stage logs; null: the harness's RecordingLog (see log()).
  Log* log = nullptr;
};

// What parse() produced. On failure the articles are dropped, as the host
// drops a failed document's partial output.
struct ParseResult {
  std::vector<Article> articles;
  std::vector<std::string> errors;  // ParseOutput::error() calls: parts that failed
  std::string failure;              // what parse() threw; empty when it returned
  bool failed() const { return !failure.empty(); }
};

struct EnrichResult {
  Article article;      // the article after enrich(), or as it was left when it threw
  std::string failure;  // what enrich() threw; empty when it returned
  bool failed() const { return !failure.empty(); }
};

struct SourceResult {
  std::vector<RawDocument> documents;  // in delivery order
  std::string failure;                 // what next() threw; reading stopped there
  bool failed() const { return !failure.empty(); }
};

struct CallResult {
  std::string failure;  // what the call threw; empty when it returned
  bool failed() const { return !failure.empty(); }
};

class StageHarness {
 public:
  // A plugin library, loaded through the host's loader and gate.
  explicit StageHarness(const std::filesystem::path& plugin_file, StageSetup setup = {});
  // A plugin compiled into the test (its source built with SLUICE_PLUGIN_STATIC).
  explicit StageHarness(const sluice_plugin_descriptor* plugin, StageSetup setup = {});
  ~StageHarness();
  StageHarness(StageHarness&&) noexcept;
  StageHarness& operator=(StageHarness&&) noexcept;

  const sluice_plugin_descriptor& descriptor() const;
  const Options& options() const;
  Stage& stage();
  RecordingLog& log();
  MemoryState& state();

  // Destroys the instance and creates a fresh one with the same options.
  void restart();

  // Each run_* requires a stage of that kind (std::logic_error otherwise).
  ParseResult run_parser(const RawDocument& doc);
  ParseResult run_parser(std::string bytes, std::string key = "doc.txt",
                         std::string content_type = "text/plain");
  EnrichResult run_enricher(Article article);
  // Calls next() until it returns false or `limit` documents arrived.
  SourceResult run_source(std::size_t limit = 100'000);
  CallResult acknowledge(std::string_view cursor);
  CallResult run_sink(std::span<const Article> batch);
  CallResult close_sink();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sluice::sdk::testing
