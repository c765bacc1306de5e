// One Host, several threads: pipelines run at once against one state
// database file, callbacks learn which pipeline they serve, and a callback
// that throws fails its run instead of ending the process.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "sluice/host/host.hpp"
#include "test_support.hpp"

namespace sluice::testing {
namespace {

constexpr int kDocuments = 60;

// kDocuments plain-text articles in `dir`, each naming its file.
void write_articles(const std::filesystem::path& dir) {
  for (int i = 0; i < kDocuments; ++i)
    write_file(dir / ("article_" + std::to_string(i) + ".txt"),
               "Headline " + std::to_string(i) + "\n\nBody of article " + std::to_string(i) + ".\n");
}

std::string two_pipelines(const TempDir& dir) {
  std::string toml = "[host]\nstate = \"" + (dir / "state.db").string() + "\"\n";
  for (const std::string name : {"alpha", "beta"}) {
    toml += "[pipeline." + name + "]\nworkers = 2\n";
    toml += "[[pipeline." + name + ".source]]\nplugin = \"files\"\npath = \"" + (dir / "in").string() +
            "\"\nincremental = true\n";
    toml += "[[pipeline." + name + ".parser]]\nplugin = \"plain_text\"\n";
    toml += "[[pipeline." + name + ".sink]]\nplugin = \"jsonl\"\npath = \"" +
            (dir / (name + ".jsonl")).string() + "\"\n";
  }
  return toml;
}

// Each round opens the state database from two threads at once: the first
// use of Host::state() used to race and crash.
TEST(EmbeddingThreads, TwoPipelinesOnTwoThreadsShareOneStateDatabase) {
  for (int round = 0; round < 4; ++round) {
    TempDir dir;
    write_articles(dir / "in");
    host::Host host;
    host.use_default_plugin_dir(false);
    host.add_plugin_dir(SLUICE_PLUGIN_DIR);
    const auto config = host.load_config_string(two_pipelines(dir), (dir / "two.toml").string());

    std::mutex mu;
    std::map<std::string, int> seen;  // pipeline -> articles its callback saw
    host::RunOptions options;
    options.on_article = [&](const std::string& pipeline, const sdk::Article&) {
      std::lock_guard lock(mu);
      ++seen[pipeline];
    };
    std::vector<host::RunReport> reports(2);
    std::thread a([&] { reports[0] = host.run(config, "alpha", options).at(0); });
    std::thread b([&] { reports[1] = host.run(config, "beta", options).at(0); });
    a.join();
    b.join();

    for (const auto& r : reports) {
      EXPECT_TRUE(r.ok()) << host::format_report(r);
      EXPECT_EQ(r.articles, static_cast<std::uint64_t>(kDocuments)) << r.pipeline;
    }
    EXPECT_EQ(seen["alpha"], kDocuments);
    EXPECT_EQ(seen["beta"], kDocuments);
    EXPECT_EQ(read_lines(dir / "alpha.jsonl").size(), static_cast<std::size_t>(kDocuments));
    EXPECT_EQ(read_lines(dir / "beta.jsonl").size(), static_cast<std::size_t>(kDocuments));

    // Both runs are in the one file's history, and each pipeline's
    // checkpoints are its own: a second round delivers nothing new to either.
    auto* db = host.state(config);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->runs("alpha").size(), 1u);
    EXPECT_EQ(db->runs("beta").size(), 1u);
    std::thread again_a([&] { reports[0] = host.run(config, "alpha", options).at(0); });
    std::thread again_b([&] { reports[1] = host.run(config, "beta", options).at(0); });
    again_a.join();
    again_b.join();
    EXPECT_EQ(reports[0].documents, 0u);
    EXPECT_EQ(reports[1].documents, 0u);
  }
}

TEST(EmbeddingThreads, CallbackThatThrowsFailsTheRunWithItsMessage) {
  TempDir dir;
  write_articles(dir / "in");
  host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(SLUICE_PLUGIN_DIR);
  const auto config = host.load_config_string(two_pipelines(dir), (dir / "two.toml").string());
  host::RunOptions options;
  options.on_article = [](const std::string& pipeline, const sdk::Article&) {
    throw std::runtime_error("embedder bug in " + pipeline);
  };
  const auto report = host.run(config, "alpha", options).at(0);
  EXPECT_FALSE(report.ok());
  EXPECT_NE(report.fatal_error.find("on_article callback threw: embedder bug in alpha"), std::string::npos)
      << report.fatal_error;
  // The batch the callback was told about had been stored before it threw.
  EXPECT_GE(read_lines(dir / "alpha.jsonl").size(), 1u);
}

TEST(EmbeddingThreads, ProgressCallbackThatThrowsFailsTheRun) {
  TempDir dir;
  write_articles(dir / "in");
  host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(SLUICE_PLUGIN_DIR);
  auto toml = two_pipelines(dir);
  const auto config = host.load_config_string(toml, (dir / "two.toml").string());
  host::RunOptions options;
  std::atomic<bool> stop{false};
  options.stop = &stop;
  options.on_progress = [&](const std::string&, std::uint64_t, std::uint64_t) {
    throw std::logic_error("progress bar broke");
  };
  // The progress thread ticks every 200 ms; hold the run open until it has.
  options.on_article = [](const std::string&, const sdk::Article&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  };
  const auto report = host.run(config, "beta", options).at(0);
  EXPECT_NE(report.fatal_error.find("on_progress callback threw: progress bar broke"), std::string::npos)
      << report.fatal_error;
}

}  // namespace
}  // namespace sluice::testing
