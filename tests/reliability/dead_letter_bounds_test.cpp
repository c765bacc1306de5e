// The dead-letter store stays stable and bounded over reruns: a document
// that fails the same way on every run is one entry whose count and
// last-seen time grow (shown by `dlq list` and `show`), and under `serve`
// [host] dead_letter_max_entries caps the store with a log line saying so.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "corpus.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;

TEST(DeadLetterBounds, AnOversizeFileIsOneEntryHoweverOftenItFails) {
  Workspace ws;
  write_corpus(ws / "in", 5);
  sluice::testing::write_file(ws / "in/huge.txt", std::string(200 * 1024, 'x'));
  const auto cfg = ws.config("p.toml", R"([pipeline.p]
[[pipeline.p.source]]
plugin = "files"
path = "in"
max_size = "100KiB"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"
)");
  for (int run = 1; run <= 3; ++run) {
    const auto r = ws.sluice({"run", cfg.string(), "--quiet"});
    EXPECT_EQ(r.status.code, 1) << "run " << run << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("larger than max_size"));
  }
  const auto dead = ws.dead_letters();
  ASSERT_EQ(dead.size(), 1u) << "one entry, not one per run";
  EXPECT_EQ(dead[0].item, "huge.txt");
  EXPECT_EQ(dead[0].attempts, 3);
  EXPECT_LE(dead[0].first_ms, dead[0].time_ms);

  const auto list = ws.sluice({"dlq", "list", "--config", cfg.string()});
  EXPECT_EQ(list.status.code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("COUNT  FIRST SEEN"));
  EXPECT_THAT(list.out, HasSubstr("1 dead letter\n"));
  const auto show = ws.sluice({"dlq", "show", std::to_string(dead[0].id), "--config", cfg.string()});
  EXPECT_EQ(show.status.code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("count:     3\nfirst:     "));
  EXPECT_THAT(show.out, HasSubstr("\nlast:      "));
}

// Twelve articles fail once each under `serve`; the cap keeps the five
// seen last and says in the log what it removed.
TEST(DeadLetterBounds, ServeCapsTheStoreAndSaysSo) {
  Workspace ws;
  write_corpus(ws / "in", 12);
  const auto cfg = ws.config("serve.toml", R"(metrics_port = 0
dead_letter_max_entries = 5

[pipeline.p]
schedule = "once"
workers = 1

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "fail_every"
fail_every = 1

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"
)");
  auto serve = ws.start_sluice({"serve", cfg.string()}, "serve");
  const std::string expected =
      "the 7 least recently seen beyond the cap of 5 entries ([host] dead_letter_max_entries)";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (sluice::testing::read_file(ws / "serve.err").find(expected) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline && !serve->poll())
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  serve->kill(SIGTERM);
  const auto status = serve->wait();
  const auto log = sluice::testing::read_file(ws / "serve.err");
  EXPECT_THAT(log, HasSubstr("dead-letter store state/sluice.db: removed " + expected));
  EXPECT_EQ(status.code, 0) << status.str() << "\n" << log;
  const auto dead = ws.dead_letters(true);
  ASSERT_EQ(dead.size(), 5u);
}

}  // namespace
}  // namespace reliability
