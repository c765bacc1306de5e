// Loaded .so plugins doing real work through sluice::host::Host: articles
// arrive, and two instances of one plugin in one chain (or in two pipelines)
// each keep their own options and state.
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
using loader_test::with_paths;
using sluice::testing::read_file;
using sluice::testing::read_lines;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Collects delivered articles; the callback's thread is not part of its contract.
struct Received {
  std::mutex mu;
  std::vector<sluice::sdk::Article> articles;

  sluice::host::RunOptions options() {
    sluice::host::RunOptions o;
    o.on_article = [this](const std::string&, const sluice::sdk::Article& a) {
      std::lock_guard lock(mu);
      articles.push_back(a);
    };
    return o;
  }
  std::vector<std::string> titles() {
    std::vector<std::string> out;
    for (const auto& a : articles) out.push_back(a.title);
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::vector<std::string> tags_of(const sluice::sdk::Article& a) {
  std::vector<std::string> out;
  if (const auto* tags = a.fields.find("tags"))
    for (const auto& t : tags->as_list()) out.push_back(t.as_string());
  return out;
}

TEST(GoodPlugins, LoadWithTheirDescriptorsPathAndHash) {
  sluice::host::PluginRegistry registry;
  EXPECT_TRUE(registry.load_directories({fixture_dir("good")}).empty());
  EXPECT_THAT(registry.names(), ElementsAre("counter_source", "echo_parser", "file_sink", "tag_enricher"));

  const auto* tag = registry.find("tag_enricher");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->kind(), SLUICE_KIND_ENRICHER);
  EXPECT_EQ(tag->version(), "1.0.0");
  EXPECT_EQ(tag->path, fixture_dir("good") / "tag_enricher.so");
  EXPECT_EQ(tag->sha256().size(), 64u);
  EXPECT_FALSE(tag->thread_safe());
  ASSERT_EQ(tag->descriptor->option_count, 1u);
  EXPECT_STREQ(tag->descriptor->options[0].name, "tag");

  // all() orders by kind: source, parser, enricher, sink.
  std::vector<std::string> by_kind;
  for (const auto* p : registry.all()) by_kind.push_back(p->name());
  EXPECT_THAT(by_kind, ElementsAre("counter_source", "echo_parser", "tag_enricher", "file_sink"));
}

TEST(GoodPlugins, RunThroughHostDeliversEveryArticle) {
  sluice::testing::TempDir out;
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  const std::string toml = R"(
[host]
plugin_dirs = [@GOOD@]

[pipeline.simple]
workers = 2
[[pipeline.simple.source]]
plugin = "counter_source"
count = 5
[[pipeline.simple.parser]]
plugin = "echo_parser"
[[pipeline.simple.sink]]
plugin = "file_sink"
path = @OUT@
)";
  const auto config =
      host.load_config_string(with_paths(toml, {{"GOOD", fixture_dir("good")}, {"OUT", out / "out.jsonl"}}));
  EXPECT_TRUE(host.refusals().empty());

  Received received;
  const auto reports = host.run(config, "simple", received.options());
  ASSERT_EQ(reports.size(), 1u);
  const auto& r = reports[0];
  EXPECT_TRUE(r.ok()) << sluice::host::format_report(r);
  EXPECT_EQ(r.documents, 5u);
  EXPECT_EQ(r.articles, 5u);
  EXPECT_THAT(received.titles(), ElementsAre("doc 1", "doc 2", "doc 3", "doc 4", "doc 5"));
  ASSERT_FALSE(received.articles.empty());
  ASSERT_EQ(received.articles[0].lineage.size(), 1u);
  EXPECT_EQ(received.articles[0].lineage[0].plugin, "echo_parser");
  EXPECT_EQ(read_lines(out / "out.jsonl").size(), 5u);
}

// Two stages of one plugin: names deduplicated, options kept apart, both
// applied in the order written, and two sinks writing the same articles.
TEST(TwoInstances, InOneChainDoNotInterfere) {
  sluice::testing::TempDir out;
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(fixture_dir("good"));
  const std::string toml = R"(
[pipeline.twice]
workers = 2
[[pipeline.twice.source]]
plugin = "counter_source"
[[pipeline.twice.parser]]
plugin = "echo_parser"
[[pipeline.twice.enrich]]
plugin = "tag_enricher"
tag = "a"
[[pipeline.twice.enrich]]
plugin = "tag_enricher"
tag = "b"
[[pipeline.twice.sink]]
plugin = "file_sink"
path = @ONE@
[[pipeline.twice.sink]]
plugin = "file_sink"
path = @TWO@
)";
  const auto config =
      host.load_config_string(with_paths(toml, {{"ONE", out / "one.jsonl"}, {"TWO", out / "two.jsonl"}}));

  Received received;
  const auto reports = host.run(config, "twice", received.options());
  ASSERT_EQ(reports.size(), 1u);
  const auto& r = reports[0];
  ASSERT_TRUE(r.ok()) << sluice::host::format_report(r);

  std::vector<std::string> stages, plugins, kinds;
  for (const auto& s : r.stages) {
    stages.push_back(s.stage);
    plugins.push_back(s.plugin);
    kinds.push_back(s.kind);
    EXPECT_EQ(s.in, 3u) << s.stage;
    EXPECT_EQ(s.out, 3u) << s.stage;
    EXPECT_EQ(s.failed, 0u) << s.stage;
  }
  EXPECT_THAT(stages, ElementsAre("counter_source", "echo_parser", "tag_enricher", "tag_enricher_2",
                                  "file_sink", "file_sink_2"));
  EXPECT_THAT(plugins, ElementsAre("counter_source", "echo_parser", "tag_enricher", "tag_enricher",
                                   "file_sink", "file_sink"));
  EXPECT_THAT(kinds, ElementsAre("source", "parser", "enricher", "enricher", "sink", "sink"));

  ASSERT_EQ(received.articles.size(), 3u);
  for (const auto& a : received.articles) {
    EXPECT_THAT(tags_of(a), ElementsAre("a", "b")) << a.title;
    std::vector<std::string> lineage;
    for (const auto& l : a.lineage) lineage.push_back(l.stage);
    EXPECT_THAT(lineage, ElementsAre("echo_parser", "tag_enricher", "tag_enricher_2"));
  }

  const auto one = read_file(out / "one.jsonl");
  EXPECT_EQ(read_lines(out / "one.jsonl").size(), 3u);
  EXPECT_THAT(one, HasSubstr(R"("tags":["a","b"])"));
  EXPECT_EQ(read_file(out / "two.jsonl"), one);
}

TEST(TwoInstances, InTwoPipelinesKeepTheirOwnOptions) {
  sluice::testing::TempDir out;
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(fixture_dir("good"));
  std::string toml;
  for (const std::string p : {"x", "y"}) {
    toml += "[pipeline." + p + "]\nworkers = 1\n";
    toml += "[[pipeline." + p + ".source]]\nplugin = \"counter_source\"\ncount = 2\n";
    toml += "[[pipeline." + p + ".parser]]\nplugin = \"echo_parser\"\n";
    toml += "[[pipeline." + p + ".enrich]]\nplugin = \"tag_enricher\"\ntag = \"" + p + "\"\n";
    toml += "[[pipeline." + p + ".sink]]\nplugin = \"file_sink\"\npath = @" + p + "@\n";
  }
  const auto config =
      host.load_config_string(with_paths(toml, {{"x", out / "x.jsonl"}, {"y", out / "y.jsonl"}}));

  Received received;
  const auto reports = host.run(config, "", received.options());  // every pipeline, in order
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_TRUE(reports[0].ok() && reports[1].ok());
  ASSERT_EQ(received.articles.size(), 4u);
  EXPECT_THAT(tags_of(received.articles[0]), ElementsAre("x"));
  EXPECT_THAT(tags_of(received.articles[3]), ElementsAre("y"));
  EXPECT_THAT(read_file(out / "x.jsonl"), HasSubstr(R"("tags":["x"])"));
  EXPECT_THAT(read_file(out / "x.jsonl"), ::testing::Not(HasSubstr(R"("y")")));
  EXPECT_THAT(read_file(out / "y.jsonl"), HasSubstr(R"("tags":["y"])"));
}

}  // namespace
