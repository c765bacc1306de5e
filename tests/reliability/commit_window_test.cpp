// The narrow windows between a sink's write and the checkpoint, hit on
// purpose: the kill_sink fixture SIGKILLs the host right after the jsonl
// sink wrote a batch and before that batch is acknowledged. The restart
// must cut the JSONL file back and deliver the batch again exactly once.
// (Regression tests for two duplicates the crash harness found.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>

#include "corpus.hpp"
#include "delivery.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::IsEmpty;

class CommitWindow : public ::testing::Test {
 protected:
  void SetUp() override { write_corpus(ws_ / "in", kArticles); }

  // files -> seed_text [-> extra] -> jsonl -> kill_sink (kills in write N).
  std::filesystem::path config(const std::string& pipeline_keys, const std::string& extra_stages,
                               int kill_on_write) {
    return ws_.config("p.toml", "[pipeline.p]\n" + pipeline_keys + R"(
[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"
)" + extra_stages + R"(
[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"

[[pipeline.p.sink]]
plugin = "kill_sink"
flag = "kill.flag"
on_write = )" + std::to_string(kill_on_write) +
                                    "\n");
  }

  void expect_exactly_once() {
    const auto t = tally_jsonl(ws_ / "out/a.jsonl");
    const auto all = marker_range(kArticles);
    EXPECT_EQ(t.malformed, 0u);
    EXPECT_THAT(t.lost(all), IsEmpty());
    EXPECT_THAT(t.duplicated(), IsEmpty()) << "after the restart the file holds these twice";
    EXPECT_EQ(t.records, all.size());
  }

  static constexpr long kArticles = 40;
  Workspace ws_;
};

// Before any checkpoint exists the host records where the sink starts, so
// a crash inside the very first batch cuts back to it (it used to keep the
// batch and append it again).
TEST_F(CommitWindow, KillAfterTheFirstWriteBeforeAnyCheckpoint) {
  const auto cfg = config("workers = 1\nbatch_size = 8\n", "", 1);
  sluice::testing::write_file(ws_ / "kill.flag", "");
  const auto killed = ws_.sluice({"run", cfg.string(), "--quiet"});
  ASSERT_EQ(killed.status.signal, SIGKILL) << killed.status.str() << "\n" << killed.err;
  // The first batch (up to 8 articles; fewer if batch_timeout ran out first)
  // reached the file before the kill.
  const auto before = tally_jsonl(ws_ / "out/a.jsonl").records;
  EXPECT_GT(before, 0u);
  EXPECT_LE(before, 8u);

  const auto rerun = ws_.sluice({"run", cfg.string()});
  ASSERT_EQ(rerun.status.code, 0) << rerun.err;
  EXPECT_THAT(rerun.err, ::testing::HasSubstr("written after the last checkpoint"));
  expect_exactly_once();
}

// Article 0 is slow (hang_enricher, 600 ms) while the other worker races
// ahead. The sinks must not take articles 1.. before 0: the checkpoint
// cannot pass 0, so a commit token covering them would keep them in the
// file across a crash while the source delivers them again.
TEST_F(CommitWindow, KillWhileAnEarlierDocumentIsStillWithAWorker) {
  const auto cfg = config("workers = 2\nbatch_size = 4\n", R"(
[[pipeline.p.enrich]]
plugin = "hang_enricher"
hang_marker = 0
hang_for = "600ms"
)",
                          2);
  sluice::testing::write_file(ws_ / "kill.flag", "");
  const auto killed = ws_.sluice({"run", cfg.string(), "--quiet"});
  ASSERT_EQ(killed.status.signal, SIGKILL) << killed.status.str() << "\n" << killed.err;
  // What survived the kill is a prefix in delivery order: marker 0 first.
  const auto before = tally_jsonl(ws_ / "out/a.jsonl");
  ASSERT_GT(before.records, 0u);
  EXPECT_EQ(before.copies.begin()->first, 0);

  const auto rerun = ws_.sluice({"run", cfg.string()});
  ASSERT_EQ(rerun.status.code, 0) << rerun.err;
  expect_exactly_once();
}

}  // namespace
}  // namespace reliability
