// A sink that is down (the offline_sink fixture fails every write while its
// flag file exists): retried with backoff while it comes back within its
// retry_deadline; past the deadline its batches go to the dead-letter store
// (on_failure = "dlq", replayable) or end the run unacknowledged ("fail").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <mutex>
#include <thread>

#include "corpus.hpp"
#include "delivery.hpp"
#include "fixture_paths.hpp"
#include "sluice/host/host.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::Each;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr long kArticles = 200;
// Retry for up to a minute: long enough that only a stop ends the retries.
constexpr const char* kPatient = "retry_backoff = \"50ms\"\nretries = 1000\nretry_deadline = \"60s\"\n";

// files -> seed_text -> jsonl (healthy) -> offline_sink with `policy` keys.
std::string pipeline(const std::string& policy) {
  return R"([pipeline.p]
workers = 2
batch_size = 100

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/healthy.jsonl"

[[pipeline.p.sink]]
plugin = "offline_sink"
path = "out/offline.jsonl"
offline_flag = "offline.flag"
)" + policy;
}

void expect_exactly_once(const std::filesystem::path& jsonl) {
  const auto t = tally_jsonl(jsonl);
  const auto all = marker_range(kArticles);
  EXPECT_THAT(t.lost(all), IsEmpty()) << jsonl;
  EXPECT_THAT(t.duplicated(), IsEmpty()) << jsonl;
  EXPECT_EQ(t.records, all.size()) << jsonl;
  EXPECT_EQ(t.malformed, 0u) << jsonl;
}

// Waits until `log`.err shows the sink's third failed attempt, then sends
// SIGTERM and waits for the process: a stop while the sink is retrying.
ExitStatus stop_while_retrying(const Workspace& ws, ChildProcess& child, const std::string& log) {
  const auto started = std::chrono::steady_clock::now();
  while (sluice::testing::read_file(ws / (log + ".err")).find("failed (attempt 3)") == std::string::npos) {
    if (child.poll() || std::chrono::steady_clock::now() - started > std::chrono::seconds(20)) {
      ADD_FAILURE() << "the sink was never retried three times";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  child.kill(SIGTERM);
  return child.wait();
}

class SinkOffline : public ::testing::Test {
 protected:
  void SetUp() override {
    write_corpus(ws_ / "in", kArticles);
    sluice::testing::write_file(ws_ / "offline.flag", "");
  }
  Workspace ws_;
};

// Collects the host's warnings (each failed attempt is one).
struct CapturingLog : sluice::sdk::Log {
  void info(std::string_view) override {}
  void warn(std::string_view m) override {
    std::lock_guard lock(mu);
    warnings.emplace_back(m);
  }
  std::mutex mu;
  std::vector<std::string> warnings;
};

// Changes the working directory for one scope.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const std::filesystem::path& dir) : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~WorkingDirectory() { std::filesystem::current_path(saved_); }

 private:
  std::filesystem::path saved_;
};

// Embedded: the run starts while the sink is down, the flag goes after
// 1.5 s, and the run ends with everything delivered once, nothing in the
// dead-letter store, and the failed attempts in the log.
TEST_F(SinkOffline, ComesBackWithinItsDeadline) {
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  const auto file =
      ws_.config("p.toml", pipeline("retry_backoff = \"50ms\"\nretries = 100\nretry_deadline = \"20s\"\n"));
  const WorkingDirectory in_workspace(ws_.dir());  // the config's paths are relative
  const auto config = host.load_config_file(file);
  CapturingLog log;
  sluice::host::RunOptions options;
  options.log = &log;
  std::thread back_online([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    std::filesystem::remove(ws_ / "offline.flag");
  });
  const auto started = std::chrono::steady_clock::now();
  const auto report = host.run(config, "p", options).at(0);
  const auto took = std::chrono::steady_clock::now() - started;
  back_online.join();
  const auto dead = host.state(config)->dead_letters();

  EXPECT_TRUE(report.ok()) << sluice::host::format_report(report);
  EXPECT_EQ(report.articles, static_cast<std::uint64_t>(kArticles));
  EXPECT_EQ(report.dead_lettered, 0u);
  EXPECT_THAT(dead, IsEmpty());
  EXPECT_GE(took, std::chrono::milliseconds(1400)) << "it waited for the sink";
  ASSERT_GE(log.warnings.size(), 3u) << "retries with 50 ms backoff over 1.5 s";
  EXPECT_THAT(log.warnings, Each(HasSubstr("sink 'offline_sink' failed (attempt ")));
  EXPECT_THAT(log.warnings.front(), HasSubstr("offline.flag exists"));
  expect_exactly_once(ws_ / "out/offline.jsonl");
  expect_exactly_once(ws_ / "out/healthy.jsonl");
}

// Down past retry_deadline with on_failure = "dlq": the run goes on, each
// article of the failed batches is an "article" dead letter for that sink
// alone, and replay delivers them there once the sink is back.
TEST_F(SinkOffline, PastItsDeadlineTheBatchesAreDeadLetteredAndReplayed) {
  const auto cfg = ws_.config(
      "p.toml", pipeline("retry_backoff = \"50ms\"\nretry_deadline = \"300ms\"\non_failure = \"dlq\"\n"));
  const auto run = ws_.sluice({"run", cfg.string()});
  EXPECT_EQ(run.status.code, 1) << run.err;
  EXPECT_THAT(run.out, HasSubstr(std::to_string(kArticles) + " item(s) in the dead-letter store"));
  EXPECT_THAT(run.err, HasSubstr("sink 'offline_sink' failed (attempt 2)"));

  const auto dead = ws_.dead_letters();
  ASSERT_EQ(dead.size(), static_cast<std::size_t>(kArticles));
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::stage, "offline_sink")));
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::input_kind, "article")));
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::error, HasSubstr("offline.flag exists"))));
  expect_exactly_once(ws_ / "out/healthy.jsonl");  // the other sink was not held back
  EXPECT_EQ(tally_jsonl(ws_ / "out/offline.jsonl").records, 0u);

  // Still down: replay fails again and keeps every entry, attempts + 1.
  const auto again = ws_.sluice({"dlq", "replay", "--config", cfg.string()});
  EXPECT_EQ(again.status.code, 1) << again.err;
  EXPECT_THAT(again.out,
              HasSubstr("0 delivered and removed, " + std::to_string(kArticles) + " failed again"));
  const auto kept = ws_.dead_letters();
  ASSERT_EQ(kept.size(), static_cast<std::size_t>(kArticles));
  EXPECT_THAT(kept, Each(Field(&sluice::host::DeadLetter::attempts, 2)));

  std::filesystem::remove(ws_ / "offline.flag");
  const auto replay = ws_.sluice({"dlq", "replay", "--config", cfg.string()});
  EXPECT_EQ(replay.status.code, 0) << replay.out << replay.err;
  EXPECT_THAT(replay.out, HasSubstr(std::to_string(kArticles) + " delivered and removed, 0 failed again"));
  EXPECT_THAT(ws_.dead_letters(), IsEmpty());
  expect_exactly_once(ws_ / "out/offline.jsonl");
  expect_exactly_once(ws_ / "out/healthy.jsonl");  // replay went to the failed sink only
}

// on_failure = "fail": the run ends with the sink's error and acknowledges
// nothing from the failed batch, so the rerun delivers it, exactly once in
// both sinks (the healthy one is cut back to its last checkpoint).
TEST_F(SinkOffline, OnFailureFailEndsTheRunAndTheRerunDelivers) {
  const auto cfg = ws_.config(
      "p.toml", pipeline("retry_backoff = \"50ms\"\nretry_deadline = \"300ms\"\non_failure = \"fail\"\n"));
  const auto run = ws_.sluice({"run", cfg.string()});
  EXPECT_EQ(run.status.code, 1);
  EXPECT_THAT(run.err, HasSubstr("sluice: pipeline p sink 'offline_sink' failed after "));
  EXPECT_THAT(run.err, HasSubstr("offline.flag exists"));
  EXPECT_THAT(ws_.dead_letters(), IsEmpty());
  const auto history = ws_.sluice({"history", "--config", cfg.string()});
  EXPECT_THAT(history.out, HasSubstr("failed"));

  std::filesystem::remove(ws_ / "offline.flag");
  const auto rerun = ws_.sluice({"run", cfg.string()});
  EXPECT_EQ(rerun.status.code, 0) << rerun.err;
  EXPECT_THAT(rerun.out, HasSubstr(std::to_string(kArticles) + " documents, " + std::to_string(kArticles) +
                                   " articles delivered"));
  expect_exactly_once(ws_ / "out/offline.jsonl");
  expect_exactly_once(ws_ / "out/healthy.jsonl");
}

// SIGTERM while a sink is being retried is a stop, not the sink's failure:
// the batch is neither dead-lettered nor acknowledged, nothing after it is
// written, and the next run delivers everything exactly once.
TEST_F(SinkOffline, StopWhileRetryingLeavesTheBatchForTheNextRun) {
  const auto cfg = ws_.config("p.toml", pipeline(kPatient));
  const auto started = std::chrono::steady_clock::now();
  const auto status =
      stop_while_retrying(ws_, *ws_.start_sluice({"run", cfg.string()}, "stopped"), "stopped");
  EXPECT_EQ(status.signal, 0) << "a stop is handled, not fatal";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20))
      << "stopped without waiting out the deadline";
  EXPECT_THAT(ws_.dead_letters(), IsEmpty()) << sluice::testing::read_file(ws_ / "stopped.out");

  std::filesystem::remove(ws_ / "offline.flag");
  const auto rerun = ws_.sluice({"run", cfg.string()});
  EXPECT_EQ(rerun.status.code, 0) << rerun.err;
  expect_exactly_once(ws_ / "out/offline.jsonl");
  expect_exactly_once(ws_ / "out/healthy.jsonl");
}

// The same for a replay: a stopped `dlq replay` keeps its entries as they
// were, says so, and exits 1 instead of claiming them delivered.
TEST_F(SinkOffline, StoppedReplayKeepsItsEntriesAndSaysSo) {
  const auto quick =
      ws_.config("quick.toml", pipeline("retry_backoff = \"50ms\"\nretry_deadline = \"200ms\"\n"));
  ASSERT_EQ(ws_.sluice({"run", quick.string(), "--quiet"}).status.code, 1);
  ASSERT_EQ(ws_.dead_letters().size(), static_cast<std::size_t>(kArticles));

  const auto patient = ws_.config("patient.toml", pipeline(kPatient));
  const auto status = stop_while_retrying(
      ws_, *ws_.start_sluice({"dlq", "replay", "--config", patient.string()}, "replay"), "replay");
  EXPECT_EQ(status.code, 1);
  EXPECT_THAT(sluice::testing::read_file(ws_ / "replay.out"),
              HasSubstr("0 delivered and removed, 0 failed again (kept with attempts + 1), " +
                        std::to_string(kArticles) + " not replayed"));
  const auto kept = ws_.dead_letters();
  EXPECT_EQ(kept.size(), static_cast<std::size_t>(kArticles));
  EXPECT_THAT(kept, Each(Field(&sluice::host::DeadLetter::attempts, 1)));
}

}  // namespace
}  // namespace reliability
