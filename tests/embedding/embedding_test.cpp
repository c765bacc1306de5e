// Embedding: link sluice::host, register a stage in-process, load a pipeline
// from a TOML string, run it over the seeds and receive the articles through
// a callback. Mirrors docs/embedding.md.
#include <gtest/gtest.h>

#include <mutex>

#include "sluice/host/host.hpp"
#include "test_support.hpp"

namespace sluice::plugins::word_count {
const sluice_plugin_descriptor* descriptor();
}

namespace sluice::testing {
namespace {

TEST(Embedding, InProcessStageWithLoadedPluginsAndCallback) {
  TempDir dir;
  host::Host host;
  host.register_plugin(sluice::plugins::word_count::descriptor());
  host.add_plugin_dir(SLUICE_PLUGIN_DIR);  // files, seed_text, jsonl from .so files

  const std::string toml = R"(
[pipeline.embedded]
workers = 2

[[pipeline.embedded.source]]
plugin = "files"
path = ")" + std::string(SLUICE_SOURCE_DIR) +
                           R"(/seeds"

[[pipeline.embedded.parser]]
plugin = "seed_text"

[[pipeline.embedded.enrich]]
plugin = "word_count"
field = "words"

[[pipeline.embedded.sink]]
plugin = "jsonl"
path = ")" + (dir / "out.jsonl").string() +
                           R"("
)";
  const auto config = host.load_config_string(toml, "embedded.toml");
  EXPECT_TRUE(host.refusals().empty());

  std::mutex mu;
  std::vector<sdk::Article> received;
  host::RunOptions options;
  options.on_article = [&](const std::string& pipeline, const sdk::Article& a) {
    EXPECT_EQ(pipeline, "embedded");
    std::lock_guard lock(mu);
    received.push_back(a);
  };
  const auto reports = host.run(config, "embedded", options);

  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].ok()) << host::format_report(reports[0]);
  ASSERT_EQ(received.size(), 1u);
  const auto& a = received[0];
  EXPECT_EQ(a.published, "2023-07-29");
  EXPECT_EQ(a.body.size(), 20u);
  const auto* words = a.fields.find("words");
  ASSERT_NE(words, nullptr);
  EXPECT_EQ(words->as_int(), 593);  // `tail -n +2 seeds/000_*.txt | wc -w`
  ASSERT_EQ(a.lineage.size(), 2u);  // parser then the in-process enricher
  EXPECT_EQ(a.lineage[1].plugin, "word_count");
  EXPECT_EQ(read_lines(dir / "out.jsonl").size(), 1u);  // the .so sink saw it too

  // The in-process plugin is listed like any other, without a file.
  const auto* info = host.registry().find("word_count");
  ASSERT_NE(info, nullptr);
  EXPECT_TRUE(info->path.empty());
}

TEST(Embedding, InvalidConfigStringReportsLineAndColumn) {
  host::Host host;
  host.use_default_plugin_dir(false);
  host.register_plugin(sluice::plugins::word_count::descriptor());
  try {
    host.load_config_string(
        "[pipeline.p]\nworkers = 1\n[[pipeline.p.enrich]]\nplugin = \"word_count\"\nfeild = 1\n",
        "inline.toml");
    FAIL() << "expected a config error";
  } catch (const host::ConfigErrors& e) {
    const std::string text = e.what();
    EXPECT_NE(text.find("inline.toml:5:1: error: unknown key 'feild'"), std::string::npos) << text;
    EXPECT_NE(text.find("did you mean 'field'?"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace sluice::testing
