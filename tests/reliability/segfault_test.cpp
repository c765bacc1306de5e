// A plugin that segfaults takes the whole host down: C++ cannot recover a
// process whose memory a plugin may have corrupted. What must hold is that
// the restart resumes from the last checkpoint and, at the end, every
// article is in every sink exactly once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>

#include "corpus.hpp"
#include "delivery.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(Segfault, HostDiesAndTheRestartResumesFromTheCheckpoint) {
  Workspace ws;
  constexpr long kFirst = 200;  // delivered by a clean run before the crash
  constexpr long kArticles = 400;
  constexpr long kCrashOn = 300;
  write_corpus(ws / "in", kFirst);
  const auto cfg = ws.config("p.toml", R"([pipeline.p]
workers = 2
batch_size = 16

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "crash_enricher"
crash_marker = )" + std::to_string(kCrashOn) +
                                           R"(
flag = "crash.flag"

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)");
  ASSERT_EQ(ws.sluice({"run", cfg.string()}).status.code, 0);

  write_corpus(ws / "in", kArticles - kFirst, kFirst);
  sluice::testing::write_file(ws / "crash.flag", "");
  const auto crashed = ws.sluice({"run", cfg.string()});
  ASSERT_EQ(crashed.status.signal, SIGSEGV) << crashed.status.str() << "\n" << crashed.err;
  EXPECT_FALSE(std::filesystem::exists(ws / "crash.flag"));
  // What the file holds is checkpointed or about to be cut; never twice,
  // never the article that crashed.
  const auto before = tally_jsonl(ws / "out/a.jsonl");
  EXPECT_THAT(before.duplicated(), IsEmpty());
  EXPECT_FALSE(before.copies.count(kCrashOn));
  // The crashed run never finished: history still shows it as running.
  EXPECT_THAT(ws.sluice({"history", "--config", cfg.string()}).out, HasSubstr("running"));

  const auto restart = ws.sluice({"run", cfg.string(), "--quiet"});
  ASSERT_EQ(restart.status.code, 0) << restart.err;
  // It resumed after the checkpoint: the first 200 were not read again.
  const auto documents = sluice::host::StateDb(ws.state_file()).runs("p", 1).at(0).documents;
  EXPECT_GT(documents, 0u);
  EXPECT_LE(documents, static_cast<std::uint64_t>(kArticles - kFirst));

  const auto all = marker_range(kArticles);
  for (const auto& [sink, t] : {std::pair{"jsonl", tally_jsonl(ws / "out/a.jsonl")},
                                std::pair{"sqlite", tally_sqlite(ws / "out/a.db")}}) {
    EXPECT_THAT(t.lost(all), IsEmpty()) << sink;
    EXPECT_THAT(t.duplicated(), IsEmpty()) << sink;
    EXPECT_EQ(t.records, all.size()) << sink;
  }
  EXPECT_THAT(ws.dead_letters(), IsEmpty());
}

}  // namespace
}  // namespace reliability
