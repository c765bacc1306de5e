// Host::start and RunHandle: documents pushed through the built-in `push`
// source, articles pulled from the `pull` sink, acknowledgements after the
// checkpoint transaction, a stop with a deadline. Real .so plugins
// (plain_text, jsonl) and a real state database file.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "sluice/host/host.hpp"
#include "test_support.hpp"

namespace sluice::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

sdk::RawDocument text_document(int n) {
  sdk::RawDocument d;
  d.key = "pushed-" + std::to_string(n) + ".txt";
  d.content_type = "text/plain";
  d.bytes = "Headline " + std::to_string(n) + "\n\nThe body of pushed document " + std::to_string(n) + ".\n";
  return d;
}

class RunHandleTest : public ::testing::Test {
 protected:
  RunHandleTest() {
    host_.use_default_plugin_dir(false);
    host_.add_plugin_dir(SLUICE_PLUGIN_DIR);
  }

  // push -> plain_text -> jsonl file, and the pull stream when `pull`.
  host::Config config(bool pull, int pull_capacity = 1024) {
    std::string toml = "[host]\nstate = \"" + (dir_ / "state.db").string() +
                       "\"\n"
                       "[pipeline.live]\nworkers = 2\nbatch_timeout = \"5ms\"\n"
                       "[[pipeline.live.source]]\nplugin = \"push\"\n"
                       "[[pipeline.live.parser]]\nplugin = \"plain_text\"\nmatch = [\"text/plain\"]\n"
                       "[[pipeline.live.sink]]\nplugin = \"jsonl\"\npath = \"" +
                       (dir_ / "out.jsonl").string() + "\"\n";
    if (pull)
      toml += "[[pipeline.live.sink]]\nplugin = \"pull\"\ncapacity = " + std::to_string(pull_capacity) + "\n";
    return host_.load_config_string(toml, (dir_ / "live.toml").string());
  }

  TempDir dir_;
  host::Host host_;
};

TEST_F(RunHandleTest, EveryPushResolvesAfterTheSinksStoredItAndComesBackThroughPull) {
  constexpr int kDocuments = 300;
  const auto cfg = config(true);
  auto run = host_.start(cfg, "live");
  EXPECT_EQ(run.pipeline(), "live");

  // A consumer pulls while the producer pushes (the stream is bounded).
  std::set<std::string> titles;
  std::thread consumer([&] {
    while (auto a = run.pull(10s)) titles.insert(a->title);
  });
  std::vector<std::future<host::Ack>> acks;
  for (int i = 0; i < kDocuments; ++i) acks.push_back(run.push(text_document(i)));
  for (int i = 0; i < kDocuments; ++i) {
    const auto ack = acks[i].get();
    EXPECT_EQ(ack.sequence, static_cast<std::uint64_t>(i));
    EXPECT_TRUE(ack.stored()) << ack.errors.at(0);
    EXPECT_EQ(ack.articles, 1u);
  }
  // Resolved means stored: the file holds every article already.
  EXPECT_EQ(read_lines(dir_ / "out.jsonl").size(), static_cast<std::size_t>(kDocuments));

  run.close();
  const auto report = run.wait();
  consumer.join();
  EXPECT_TRUE(report.ok()) << host::format_report(report);
  EXPECT_EQ(report.documents, static_cast<std::uint64_t>(kDocuments));
  EXPECT_EQ(report.articles, static_cast<std::uint64_t>(kDocuments));
  EXPECT_EQ(titles.size(), static_cast<std::size_t>(kDocuments));
  EXPECT_TRUE(titles.count("Headline 0") && titles.count("Headline 299"));
  EXPECT_TRUE(run.finished());
  EXPECT_FALSE(run.pull(0ms).has_value());
  EXPECT_THROW(run.push(text_document(0)), host::RunError);
}

TEST_F(RunHandleTest, AFailedDocumentResolvesWithItsErrorAndIsDeadLettered) {
  const auto cfg = config(false);
  auto run = host_.start(cfg, "live");
  auto doc = text_document(1);
  doc.content_type = "application/x-unknown";
  doc.key = "mystery.bin";
  const auto failed = run.push(doc).get();
  EXPECT_FALSE(failed.stored());
  ASSERT_EQ(failed.errors.size(), 1u);
  EXPECT_NE(failed.errors[0].find("no parser matches this document"), std::string::npos) << failed.errors[0];
  // A good document after it is stored as usual.
  EXPECT_TRUE(run.push(text_document(2)).get().stored());
  run.close();
  const auto report = run.wait();
  EXPECT_EQ(report.dead_lettered, 1u);
  auto* db = host_.state(cfg);
  ASSERT_NE(db, nullptr);
  const auto letters = db->dead_letters({"live", ""});
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].item, "mystery.bin");
}

// The push source waits in next() for a push that never comes: stop wakes
// it (Source::interrupt()) instead of waiting for the deadline.
TEST_F(RunHandleTest, StopWakesASourceWaitingForDocuments) {
  const auto cfg = config(true);
  auto run = host_.start(cfg, "live");
  ASSERT_TRUE(run.push(text_document(1)).get().stored());
  ASSERT_TRUE(run.pull(10s).has_value());
  const auto asked = Clock::now();
  const auto report = run.stop(20s);
  EXPECT_LT(Clock::now() - asked, 10s);  // long before the deadline
  EXPECT_TRUE(report.stopped);
  EXPECT_TRUE(report.fatal_error.empty()) << report.fatal_error;
  EXPECT_EQ(report.articles, 1u);
  EXPECT_THROW(run.push(text_document(2)), host::RunError);
}

// Nobody pulls: the bounded stream fills, the sink waits, and so does
// everything upstream. At the deadline the queue is abandoned: the stop
// returns, and the documents not stored fail their futures (push again).
TEST_F(RunHandleTest, StopAbandonsTheQueueAtItsDeadline) {
  const auto cfg = config(true, 2);
  auto run = host_.start(cfg, "live");
  std::vector<std::future<host::Ack>> acks;
  for (int i = 0; i < 20; ++i) acks.push_back(run.push(text_document(i)));
  const auto asked = Clock::now();
  const auto report = run.stop(300ms);
  EXPECT_LT(Clock::now() - asked, 5s);
  EXPECT_TRUE(report.stopped);
  int stored = 0, refused = 0;
  for (auto& f : acks) {
    try {
      stored += f.get().stored() ? 1 : 0;
    } catch (const host::RunError& e) {
      ++refused;
      EXPECT_NE(std::string(e.what()).find("was not stored: the run was stopped first"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_EQ(stored + refused, 20);
  EXPECT_GT(refused, 0);  // at most capacity + one batch fit before the stream stopped
  EXPECT_EQ(static_cast<std::uint64_t>(stored), report.articles);
}

// The live observer a started run reports to, as Host::run's runs do.
TEST_F(RunHandleTest, TheObserverSeesTheStartedRunsStageCalls) {
  struct Counting : host::RunObserver {
    void stage_call(const host::PipelineConfig& p, const host::StageConfig& s, const char*,
                    std::chrono::nanoseconds, std::uint64_t, std::uint64_t out, std::uint64_t) override {
      std::lock_guard lock(mu);
      by_stage[p.name + "/" + s.name] += out;
    }
    void queue_depth(const host::PipelineConfig&, const char*, std::size_t) override {}
    std::mutex mu;
    std::map<std::string, std::uint64_t> by_stage;  // articles or documents out
  } observer;
  host::RunOptions options;
  options.observer = &observer;
  const auto cfg = config(false);
  auto run = host_.start(cfg, "live", options);
  for (int i = 0; i < 50; ++i) run.push(text_document(i));
  run.close();
  EXPECT_TRUE(run.wait().ok());
  std::lock_guard lock(observer.mu);
  EXPECT_EQ(observer.by_stage["live/push"], 50u);
  EXPECT_EQ(observer.by_stage["live/plain_text"], 50u);
  EXPECT_EQ(observer.by_stage["live/jsonl"], 50u);
}

TEST_F(RunHandleTest, PushAndPullNeedTheirStages) {
  write_file(dir_ / "in" / "one.txt", "Headline\n\nBody.\n");
  const std::string toml = "[pipeline.files]\n[[pipeline.files.source]]\nplugin = \"files\"\npath = \"" +
                           (dir_ / "in").string() +
                           "\"\n[[pipeline.files.parser]]\nplugin = \"plain_text\"\n"
                           "[[pipeline.files.sink]]\nplugin = \"jsonl\"\npath = \"" +
                           (dir_ / "files.jsonl").string() + "\"\n";
  const auto cfg = host_.load_config_string(toml, "files.toml");
  auto run = host_.start(cfg, "files");
  try {
    run.push(text_document(1));
    FAIL() << "push without a push source";
  } catch (const host::RunError& e) {
    EXPECT_NE(std::string(e.what()).find("pipeline 'files' has no push source"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(run.pull(0ms), host::RunError);
  const auto report = run.wait();  // a run without push ends by itself
  EXPECT_TRUE(report.ok()) << host::format_report(report);
  EXPECT_EQ(report.articles, 1u);
}

// `sluice run` (Host::run) has nobody on the other end of push and pull:
// the stage refuses to start, with a message saying why.
TEST_F(RunHandleTest, PushSourceOutsideStartRefusesToStart) {
  const auto cfg = config(false);
  try {
    host_.run(cfg, "live");
    FAIL() << "expected the push stage to refuse";
  } catch (const sluice::Error& e) {
    EXPECT_NE(std::string(e.what()).find("the push source is fed by a program embedding sluice"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(RunHandleTest, UnknownPipelineIsAConfigErrorWithAPosition) {
  const auto cfg = config(false);
  try {
    host_.start(cfg, "nope");
    FAIL() << "started a pipeline that does not exist";
  } catch (const host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].where().line, 3u);  // [pipeline.live], where the file's pipelines begin
    EXPECT_NE(std::string(e.what()).find("live.toml:3:1: error: no pipeline named 'nope' (pipelines: live)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace sluice::testing
