// Plugins that pass the gate but fail at run time. Exceptions must be caught
// at the host's call sites: per article or per document where the failure is
// that small, a fatal run error for a sink, and a ConfigError naming stage and
// plugin when a stage cannot even be created. The Host stays usable after all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

#include "fixture_dirs.hpp"
#include "sluice/host/host.hpp"
#include "test_support.hpp"

namespace {

using loader_test::fixture_dir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A Host seeing good/ and faulty/, running one pipeline `p` with three
// documents "doc 1".."doc 3" through the stages given, on one worker.
class StageFailure : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.use_default_plugin_dir(false);
    host_.add_plugin_dir(fixture_dir("good"));
    host_.add_plugin_dir(fixture_dir("faulty"));
  }

  static std::string pipeline(const std::string& name, const std::string& stages) {
    return "[pipeline." + name + "]\nworkers = 1\n[[pipeline." + name +
           ".source]]\nplugin = \"counter_source\"\n" + stages;
  }

  // @OUT@ and @OUT2@ in `toml` name two files in a fresh directory.
  sluice::host::Config load(const std::string& toml, const std::string& file = "<string>") {
    return host_.load_config_string(
        loader_test::with_paths(toml, {{"OUT", out_ / "out.jsonl"}, {"OUT2", out_ / "out2.jsonl"}}), file);
  }

  sluice::host::RunReport run(const std::string& toml, const std::string& name = "p") {
    const auto config = load(toml);
    sluice::host::RunOptions options;
    options.on_article = [this](const std::string&, const sluice::sdk::Article& a) {
      std::lock_guard lock(mu_);
      titles_.push_back(a.title);
    };
    auto reports = host_.run(config, name, options);
    EXPECT_EQ(reports.size(), 1u);
    std::sort(titles_.begin(), titles_.end());
    return reports.at(0);
  }

  // 1-based line on which `needle` first appears in `text`.
  static std::uint32_t line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) {
      ADD_FAILURE() << needle << " not found";
      return 0;
    }
    return 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n'));
  }

  const sluice::host::StageCounts* counts(const sluice::host::RunReport& r, const std::string& stage) {
    for (const auto& s : r.stages)
      if (s.stage == stage) return &s;
    ADD_FAILURE() << "no stage " << stage << " in the report";
    return nullptr;
  }

  sluice::testing::TempDir out_;
  sluice::host::Host host_;
  std::mutex mu_;
  std::vector<std::string> titles_;
};

TEST_F(StageFailure, EnricherThrowingFailsThatArticleOnly) {
  const auto r = run(pipeline("p", R"(
[[pipeline.p.parser]]
plugin = "echo_parser"
[[pipeline.p.enrich]]
plugin = "flaky_enricher"
fail_title = "doc 2"
[[pipeline.p.enrich]]
plugin = "tag_enricher"
tag = "after"
[[pipeline.p.sink]]
plugin = "file_sink"
path = @OUT@
)"));

  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.fatal_error.empty()) << r.fatal_error;
  EXPECT_EQ(r.failed, 1u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].stage, "flaky_enricher");
  EXPECT_EQ(r.failures[0].item, "doc-2");  // the article's id
  EXPECT_EQ(r.failures[0].error, "no luck with 'doc 2'");

  EXPECT_EQ(r.articles, 2u);
  EXPECT_THAT(titles_, ElementsAre("doc 1", "doc 3"));
  EXPECT_EQ(sluice::testing::read_lines(out_ / "out.jsonl").size(), 2u);
  const auto* flaky = counts(r, "flaky_enricher");
  ASSERT_NE(flaky, nullptr);
  EXPECT_EQ(flaky->in, 3u);
  EXPECT_EQ(flaky->out, 2u);
  EXPECT_EQ(flaky->failed, 1u);
  const auto* after = counts(r, "tag_enricher");  // a failed article goes no further
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->in, 2u);
}

TEST_F(StageFailure, ParserThrowingFailsThatDocumentAndDropsItsPartialOutput) {
  const auto r = run(pipeline("p", R"(
[[pipeline.p.parser]]
plugin = "flaky_parser"
fail_bytes = "doc 2"
[[pipeline.p.sink]]
plugin = "file_sink"
path = @OUT@
)"));

  EXPECT_TRUE(r.fatal_error.empty()) << r.fatal_error;
  EXPECT_EQ(r.documents, 3u);
  EXPECT_EQ(r.failed, 1u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].stage, "flaky_parser");
  EXPECT_EQ(r.failures[0].item, "doc-2");                  // the document's key
  EXPECT_EQ(r.failures[0].error, "cannot parse 'doc 2'");  // a sdk::StageError from the plugin
  EXPECT_EQ(r.articles, 2u);
  EXPECT_THAT(titles_, ElementsAre("doc 1", "doc 3"));
  const auto* parser = counts(r, "flaky_parser");
  ASSERT_NE(parser, nullptr);
  EXPECT_EQ(parser->in, 3u);
  EXPECT_EQ(parser->out, 2u);
  EXPECT_EQ(parser->failed, 1u);
}

// Many documents through small queues: the run must still end (no thread
// left blocked on a queue) and nothing may reach a sink after the failure.
TEST_F(StageFailure, SinkThrowingIsAFatalRunErrorThatStopsTheRun) {
  const auto r = run(R"(
[pipeline.p]
workers = 2
queue_capacity = 2
batch_size = 1
[[pipeline.p.source]]
plugin = "counter_source"
count = 200
[[pipeline.p.parser]]
plugin = "echo_parser"
[[pipeline.p.sink]]
plugin = "file_sink"
path = @OUT@
[[pipeline.p.sink]]
plugin = "failing_sink"
retries = 0
)");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.fatal_error, "sink 'failing_sink' failed after 1 attempt: disk full");
  EXPECT_EQ(r.articles, 0u);
  EXPECT_TRUE(titles_.empty());
  // Only the batch that failed reached the sink before it.
  EXPECT_LE(sluice::testing::read_lines(out_ / "out.jsonl").size(), 1u);
}

TEST_F(StageFailure, SourceThrowingStopsThatSourceKeepingWhatItDelivered) {
  const auto r = run(R"(
[pipeline.p]
workers = 1
[[pipeline.p.source]]
plugin = "counter_source"
count = 5
throw_after = 2
retries = 0
[[pipeline.p.parser]]
plugin = "echo_parser"
[[pipeline.p.sink]]
plugin = "file_sink"
path = @OUT@
)");
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].stage, "counter_source");
  EXPECT_EQ(r.failures[0].item, "document #3");
  EXPECT_EQ(r.failures[0].error, "counter ran dry at 2");
  EXPECT_THAT(titles_, ElementsAre("doc 1", "doc 2"));
}

// Creation fails for the whole pipeline: a ConfigError pointing at the
// stage's table, naming the stage (not just the plugin) and the plugin's
// own message. The same Host then runs another pipeline normally.
TEST_F(StageFailure, FactoryThrowingIsAConfigErrorAndHostStaysUsable) {
  const std::string toml = pipeline("bad", R"(
[[pipeline.bad.parser]]
plugin = "echo_parser"
[[pipeline.bad.enrich]]
plugin = "throwing_factory"
name = "exploder"
[[pipeline.bad.sink]]
plugin = "file_sink"
path = @OUT@
)") + pipeline("good", R"(
[[pipeline.good.parser]]
plugin = "echo_parser"
[[pipeline.good.sink]]
plugin = "file_sink"
path = @OUT2@
)");
  const auto config = load(toml, "two.toml");

  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      host_.run(config, "bad");
      ADD_FAILURE() << "a stage whose constructor throws was created";
    } catch (const sluice::host::ConfigErrors& all) {
      ASSERT_EQ(all.errors().size(), 1u);
      const auto& e = all.errors()[0];
      EXPECT_EQ(e.detail(), "stage 'exploder' (plugin throwing_factory) failed to start: boom");
      EXPECT_EQ(e.where().file, "two.toml");
      EXPECT_EQ(e.where().line, line_of(toml, "[[pipeline.bad.enrich]]"));
      EXPECT_THAT(e.what(), HasSubstr("two.toml:" + std::to_string(e.where().line) + ":"));
    }
  }
  EXPECT_FALSE(std::filesystem::exists(out_ / "out.jsonl"));  // later stages never created

  const auto reports = host_.run(config, "good");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].ok()) << sluice::host::format_report(reports[0]);
  EXPECT_EQ(reports[0].articles, 3u);
  EXPECT_EQ(sluice::testing::read_lines(out_ / "out2.jsonl").size(), 3u);
}

TEST_F(StageFailure, FactoryReturningNullIsAConfigError) {
  const auto config = load(pipeline("p", R"(
[[pipeline.p.parser]]
plugin = "echo_parser"
[[pipeline.p.enrich]]
plugin = "null_factory"
name = "nothing"
[[pipeline.p.sink]]
plugin = "file_sink"
path = @OUT@
)"));
  try {
    host_.run(config, "p");
    FAIL() << "a null stage was accepted";
  } catch (const sluice::host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].detail(), "stage 'nothing' (plugin null_factory) factory returned null");
  }
}

}  // namespace
