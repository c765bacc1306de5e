// What the sinks promise across reruns, with the real CLI on real files:
// a plain rerun keeps a `truncate` JSONL file; a lost state database makes
// an `append` JSONL sink refuse to start (naming the sink, the file and the
// two ways out) instead of doubling the file; --reset-output and
// --adopt-output settle it; `truncate` rebuilds the file by itself; SQLite
// needs no refusal (it upserts by id); bytes another process appended are
// kept and not reported as "delivered again".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "corpus.hpp"
#include "delivery.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr long kArticles = 60;

std::string pipeline(const std::string& mode) {
  return R"([pipeline.p]
workers = 2
batch_size = 16

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
name = "out"
plugin = "jsonl"
path = "out/a.jsonl"
mode = ")" +
         mode + R"("

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)";
}

void expect_exactly(const Tally& t, const std::set<long>& expected, const std::string& what) {
  EXPECT_THAT(t.lost(expected), IsEmpty()) << what;
  EXPECT_THAT(t.duplicated(), IsEmpty()) << what;
  EXPECT_THAT(t.unexpected(expected), IsEmpty()) << what;
  EXPECT_EQ(t.records, expected.size()) << what;
  EXPECT_EQ(t.malformed, 0u) << what;
}

class SinkState : public ::testing::Test {
 protected:
  void SetUp() override { write_corpus(ws_ / "in", kArticles); }
  CliResult run(const fs::path& config, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"run", config.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ws_.sluice(args);
  }
  std::string jsonl_text() const { return sluice::testing::read_file(ws_ / "out/a.jsonl"); }
  void lose_state() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ws_.state_file().string() + suffix);
  }
  Workspace ws_;
};

// Issue finding: a rerun with nothing new took a truncate file from 50 lines to 0.
TEST_F(SinkState, APlainRerunKeepsATruncateFile) {
  const auto cfg = ws_.config("p.toml", pipeline("truncate"));
  ASSERT_EQ(run(cfg).status.code, 0);
  const auto first = jsonl_text();
  const auto again = run(cfg);
  EXPECT_EQ(again.status.code, 0) << again.err;
  EXPECT_EQ(jsonl_text(), first);
  expect_exactly(tally_jsonl(ws_ / "out/a.jsonl"), marker_range(kArticles), "after a rerun");

  // New input is appended after what is there.
  write_corpus(ws_ / "in", 5, kArticles);
  ASSERT_EQ(run(cfg).status.code, 0);
  expect_exactly(tally_jsonl(ws_ / "out/a.jsonl"), marker_range(kArticles + 5), "after new input");
}

// Issue finding: deleting the state database doubled the JSONL file.
TEST_F(SinkState, LostStateMakesAnAppendSinkRefuseWithTheWayOut) {
  const auto cfg = ws_.config("p.toml", pipeline("append"));
  ASSERT_EQ(run(cfg).status.code, 0);
  const auto before = jsonl_text();
  lose_state();

  const auto refused = run(cfg);
  EXPECT_EQ(refused.status.code, 2) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("p.toml:"));
  EXPECT_THAT(refused.err, HasSubstr("stage 'out'"));
  EXPECT_THAT(refused.err, HasSubstr((ws_ / "out/a.jsonl").string()));
  EXPECT_THAT(refused.err, HasSubstr("no checkpoint"));
  EXPECT_THAT(refused.err, HasSubstr("sluice run " + cfg.string() + " --pipeline p --adopt-output out"));
  EXPECT_THAT(refused.err, HasSubstr("sluice run " + cfg.string() + " --pipeline p --reset-output out"));
  EXPECT_EQ(jsonl_text(), before) << "a refused sink must not touch its file";

  // Reset: the file is emptied and refilled by the sources, which lost
  // their checkpoints too: every article once.
  const auto reset = run(cfg, {"--reset-output", "out"});
  EXPECT_EQ(reset.status.code, 0) << reset.err;
  EXPECT_THAT(reset.err, HasSubstr("emptied"));
  expect_exactly(tally_jsonl(ws_ / "out/a.jsonl"), marker_range(kArticles), "after --reset-output");
  // SQLite upserts by id: the same state loss left it exact without a word.
  expect_exactly(tally_sqlite(ws_ / "out/a.db"), marker_range(kArticles), "sqlite");
  EXPECT_THAT(reset.err, Not(HasSubstr("sqlite")));

  EXPECT_EQ(run(cfg).status.code, 0) << "settled: later runs start normally";
  expect_exactly(tally_jsonl(ws_ / "out/a.jsonl"), marker_range(kArticles), "after a rerun");
}

// A file that holds lines from elsewhere (say an earlier export): adopt
// counts them as delivered, and the run appends after them.
TEST_F(SinkState, AdoptKeepsAnExistingFileAndAppendsAfterIt) {
  fs::create_directories(ws_ / "out");
  const std::string earlier = "{\"id\":\"exported-before\"}\n";
  sluice::testing::write_file(ws_ / "out/a.jsonl", earlier);
  const auto cfg = ws_.config("p.toml", pipeline("append"));
  const auto refused = run(cfg);
  ASSERT_EQ(refused.status.code, 2) << refused.err;
  EXPECT_EQ(jsonl_text(), earlier);

  const auto adopted = run(cfg, {"--adopt-output", "out"});
  EXPECT_EQ(adopted.status.code, 0) << adopted.err;
  EXPECT_THAT(adopted.err, HasSubstr("adopted"));
  const auto text = jsonl_text();
  ASSERT_EQ(text.rfind(earlier, 0), 0u) << "the adopted lines stay first";
  const auto t = tally_jsonl(ws_ / "out/a.jsonl");
  EXPECT_THAT(t.lost(marker_range(kArticles)), IsEmpty());
  EXPECT_THAT(t.duplicated(), IsEmpty());
  EXPECT_EQ(t.unmarked, 1u) << "the adopted line, once";
  EXPECT_EQ(t.records, static_cast<std::size_t>(kArticles) + 1);
}

// truncate = "empty the file when the sink has no checkpoint": after a
// state loss it rebuilds the file from what the sources deliver again.
TEST_F(SinkState, LostStateMakesATruncateSinkStartOver) {
  const auto cfg = ws_.config("p.toml", pipeline("truncate"));
  ASSERT_EQ(run(cfg).status.code, 0);
  lose_state();
  const auto again = run(cfg);
  EXPECT_EQ(again.status.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("emptied"));
  expect_exactly(tally_jsonl(ws_ / "out/a.jsonl"), marker_range(kArticles), "after the state loss");
}

TEST_F(SinkState, AnUnknownSinkNameIsAUsageError) {
  const auto cfg = ws_.config("p.toml", pipeline("append"));
  const auto r = run(cfg, {"--reset-output", "ot"});
  EXPECT_EQ(r.status.code, 2);
  EXPECT_THAT(r.err, HasSubstr("--reset-output ot: no sink of that name"));
  EXPECT_THAT(r.err, HasSubstr("sinks: out, sqlite"));
  EXPECT_FALSE(fs::exists(ws_ / "out/a.jsonl")) << "nothing ran";
}

// The rule for foreign bytes: bytes past the checkpoint that appeared after
// a run closed the sink cleanly belong to somebody else. They are kept, not
// cut, and not reported as "delivered again".
TEST_F(SinkState, BytesAnotherProcessAppendedAreKept) {
  const auto cfg = ws_.config("p.toml", pipeline("append"));
  ASSERT_EQ(run(cfg).status.code, 0);
  const std::string foreign = "{\"id\":\"appended-by-someone-else\"}\n";
  std::ofstream(ws_ / "out/a.jsonl", std::ios::binary | std::ios::app) << foreign;
  write_corpus(ws_ / "in", 5, kArticles);

  const auto again = run(cfg);
  EXPECT_EQ(again.status.code, 0) << again.err;
  EXPECT_THAT(again.err, Not(HasSubstr("delivered again")));
  EXPECT_THAT(again.err, HasSubstr("another process appended them"));
  const auto text = jsonl_text();
  EXPECT_NE(text.find(foreign), std::string::npos) << "foreign line kept";
  const auto t = tally_jsonl(ws_ / "out/a.jsonl");
  EXPECT_THAT(t.lost(marker_range(kArticles + 5)), IsEmpty());
  EXPECT_THAT(t.duplicated(), IsEmpty());
  EXPECT_EQ(t.unmarked, 1u) << "the foreign line, once";
}

}  // namespace
}  // namespace reliability
