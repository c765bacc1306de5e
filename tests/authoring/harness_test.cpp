// StageHarness: stages created through the host's gate and factory, fed
// in-process, whatever they throw reported the way the host reports it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sluice/sdk/testing/testing.hpp"
#include "test_stages.hpp"
#include "test_support.hpp"

namespace {

using sluice::sdk::Article;
using sluice::sdk::Value;
using sluice::sdk::testing::make_article;
using sluice::sdk::testing::StageHarness;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path kPlugins = SLUICE_PLUGIN_DIR;

TEST(StageHarness, RunsABuiltPluginThroughTheRealLoader) {
  StageHarness parser(kPlugins / "seed_text.so", {.options = {{"title_from_first_paragraph", true}}});
  EXPECT_STREQ(parser.descriptor().name, "seed_text");
  EXPECT_EQ(parser.options().size("max_bytes"), 16u << 20);  // "16MiB", converted
  const auto r = parser.run_parser(" date 2023-07-29 A caption - CREDIT\n\nFirst sentence here. Second.\n");
  ASSERT_FALSE(r.failed()) << r.failure;
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].published, "2023-07-29");
  EXPECT_EQ(r.articles[0].title, "First sentence here");
}

TEST(StageHarness, RefusesWhatTheGateRefuses) {
  try {
    StageHarness h(std::filesystem::path(AUTHORING_FIXTURE_DIR) / "future_abi/future_abi.so");
    FAIL() << "loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("built against SDK 2.0, host speaks 1.x"));
  }
}

TEST(StageHarness, ConstructionErrorsNameTheStage) {
  try {
    StageHarness h(kPlugins / "files.so", {.options = {{"path", "/no/such/dir"}}});
    FAIL() << "created";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(),
                HasSubstr("stage 'files' (plugin files) failed to start: directory '/no/such/dir'"));
  }
}

TEST(StageHarness, ParserResultsAsTheHostSeesThem) {
  StageHarness parser(sluice::plugins::script_parser::descriptor());
  const auto plain = parser.run_parser("hello");
  ASSERT_EQ(plain.articles.size(), 1u);
  EXPECT_EQ(plain.articles[0].title, "hello");

  const auto partial = parser.run_parser("partial");
  EXPECT_FALSE(partial.failed());
  EXPECT_EQ(partial.articles.size(), 2u);
  EXPECT_THAT(partial.errors, ElementsAre("the middle part failed"));

  EXPECT_EQ(parser.run_parser("throw").failure, "asked to throw");
  // A failed document loses what it emitted before failing, as in a run.
  const auto half = parser.run_parser("half");
  EXPECT_EQ(half.failure, "failed half way");
  EXPECT_TRUE(half.articles.empty());
}

TEST(StageHarness, EnricherGetsOptionsAndReportsThrows) {
  StageHarness probe(sluice::plugins::probe::descriptor(), {.options = {{"target", "t"}, {"wait", "1s"}}});
  const auto r = probe.run_enricher(make_article("Title", {"body"}));
  ASSERT_FALSE(r.failed()) << r.failure;
  const Value* seen = r.article.fields.find("options");
  ASSERT_NE(seen, nullptr);
  EXPECT_EQ(*seen->find("wait"), Value(1000));

  Article odd = make_article("Title", {});
  odd.fields = Value("not a map");
  EXPECT_THAT(probe.run_enricher(odd).failure, HasSubstr("sluice::sdk::Value is not a map"));
}

TEST(StageHarness, SourceDocumentsAndAcknowledgements) {
  StageHarness source(sluice::plugins::script_source::descriptor(), {.options = {{"count", 3}}});
  const auto r = source.run_source();
  ASSERT_FALSE(r.failed());
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(r.documents[2].cursor, "doc-3");
  EXPECT_TRUE(source.run_source().documents.empty());  // one pass per instance
  EXPECT_FALSE(source.acknowledge("doc-3").failed());
  EXPECT_EQ(source.state().get("cursor"), "doc-3");
  EXPECT_EQ(source.acknowledge("bad").failure, "cannot acknowledge 'bad'");

  StageHarness limited(sluice::plugins::script_source::descriptor(), {.options = {{"count", 10}}});
  EXPECT_EQ(limited.run_source(4).documents.size(), 4u);
}

TEST(StageHarness, SinkBatchesCloseAndLog) {
  StageHarness sink(sluice::plugins::script_sink::descriptor());
  const Article batch[] = {make_article("a", {}), make_article("b", {})};
  EXPECT_FALSE(sink.run_sink(batch).failed());
  const Article bad[] = {make_article("fail", {})};
  EXPECT_EQ(sink.run_sink(bad).failure, "cannot store 'fail'");
  EXPECT_FALSE(sink.close_sink().failed());
  EXPECT_EQ(sink.state().get("written"), "a;b;");
  EXPECT_EQ(sink.state().get("closed"), "yes");
  EXPECT_THAT(sink.log().lines(), ElementsAre("info: stored 2"));
}

TEST(StageHarness, RestartGivesAFreshInstance) {
  StageHarness source(sluice::plugins::script_source::descriptor());
  EXPECT_EQ(source.run_source().documents.size(), 2u);
  source.restart();
  EXPECT_EQ(source.run_source().documents.size(), 2u);
}

TEST(StageHarness, WrongKindIsAProgrammingError) {
  StageHarness sink(sluice::plugins::script_sink::descriptor());
  EXPECT_THROW(sink.run_parser("x"), std::logic_error);
  EXPECT_THROW(sink.run_source(), std::logic_error);
}

TEST(StageHarness, SampleThenOverrides) {
  sluice::testing::TempDir dir;
  sluice::testing::write_file(
      dir / "sample.toml",
      "[[pipeline.x.enrich]]\nplugin = \"probe\"\ntarget = \"from-sample\"\ncount = 9\n");
  StageHarness probe(sluice::plugins::probe::descriptor(),
                     {.options = {{"count", 1}}, .sample = dir / "sample.toml"});
  EXPECT_EQ(probe.options().string("target"), "from-sample");
  EXPECT_EQ(probe.options().integer("count"), 1);
}

TEST(StageHarness, RelativePathsResolveInBaseDir) {
  sluice::testing::TempDir dir;
  StageHarness sink(kPlugins / "jsonl.so",
                    {.options = {{"path", "out/a.jsonl"}}, .base_dir = dir.path().string()});
  const Article batch[] = {make_article("a", {"b"})};
  ASSERT_FALSE(sink.run_sink(batch).failed());
  ASSERT_FALSE(sink.close_sink().failed());
  EXPECT_EQ(sluice::testing::read_lines(dir / "out/a.jsonl").size(), 1u);
}

}  // namespace
