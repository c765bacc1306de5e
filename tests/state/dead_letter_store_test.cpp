// The dead-letter store keeps one entry per (pipeline, stage, item, error
// kind) with a stable id: the same failure again raises the count and the
// last-seen time; a replay retires an entry only when its checkpoint
// commits; ids are never reused; limits remove the least recently seen; a
// database written before entries were keyed this way is migrated.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "sluice/host/state_db.hpp"
#include "test_support.hpp"

namespace sluice::host {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

DeadLetter failure(const std::string& item, const std::string& error, const std::string& stage = "enrich",
                   std::int64_t at = 0) {
  DeadLetter d;
  d.pipeline = "p";
  d.stage = stage;
  d.plugin = "fixture";
  d.plugin_version = "1.0";
  d.error = error;
  d.time_ms = at;
  d.input_kind = "document";
  d.item = item;
  d.input = "input of " + item + " (" + error + ")";
  return d;
}

class DeadLetterStore : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  std::filesystem::path file_ = dir_ / "state.db";
  StateDb db_{file_};
};

TEST(DeadLetterErrorKind, MasksNumbersAndCollapsesSpace) {
  EXPECT_EQ(dead_letter_error_kind("timed out after 5012 ms"),
            dead_letter_error_kind("timed out after 17 ms"));
  EXPECT_EQ(dead_letter_error_kind("file is 2000000  bytes,\nover 1048576"), "file is # bytes, over #");
  EXPECT_NE(dead_letter_error_kind("not UTF-8"), dead_letter_error_kind("no parser matches"));
  EXPECT_LE(dead_letter_error_kind(std::string(10'000, 'e')).size(), 240u);
}

TEST_F(DeadLetterStore, TheSameFailureAgainUpdatesItsEntry) {
  const auto first = db_.add_dead_letter(failure("a.txt", "file is 2000000 bytes", "files", 1000));
  auto again = failure("a.txt", "file is 2000001 bytes", "files", 5000);
  again.input = "newer input";
  EXPECT_EQ(db_.add_dead_letter(again), first);
  EXPECT_EQ(db_.add_dead_letter(failure("a.txt", "file is 2000002 bytes", "files", 9000)), first);

  const auto entries = db_.dead_letters({}, true);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].id, first);
  EXPECT_EQ(entries[0].attempts, 3);
  EXPECT_EQ(entries[0].first_ms, 1000);
  EXPECT_EQ(entries[0].time_ms, 9000);
  EXPECT_EQ(entries[0].error, "file is 2000002 bytes") << "the newest message";

  // Another item, stage or kind of error is another entry.
  EXPECT_NE(db_.add_dead_letter(failure("b.txt", "file is 2000000 bytes", "files")), first);
  EXPECT_NE(db_.add_dead_letter(failure("a.txt", "file is 2000000 bytes", "other")), first);
  EXPECT_NE(db_.add_dead_letter(failure("a.txt", "permission denied", "files")), first);
  EXPECT_EQ(db_.dead_letters().size(), 4u);
}

// A replay passes the count it started from plus one; that is not added twice.
TEST_F(DeadLetterStore, AReplayFailingAgainCountsOnce) {
  const auto id = db_.add_dead_letter(failure("a", "boom"));
  auto replayed = failure("a", "boom");
  replayed.attempts = 2;
  EXPECT_EQ(db_.add_dead_letter(replayed), id);
  EXPECT_EQ(db_.dead_letter(id)->attempts, 2);
}

TEST_F(DeadLetterStore, IdsAreNeverReused) {
  db_.add_dead_letter(failure("a", "boom"));
  const auto last = db_.add_dead_letter(failure("b", "boom"));
  db_.remove_dead_letter(last);
  EXPECT_GT(db_.add_dead_letter(failure("c", "boom")), last);
}

// What the runner does when a replay's batch commits: the source
// acknowledges (retires) the entries, then stores the batch's new failures.
TEST_F(DeadLetterStore, ARetiredEntryLeavesAtCommitUnlessItFailedAgain) {
  const auto delivered = db_.add_dead_letter(failure("a", "boom"));
  const auto failing = db_.add_dead_letter(failure("b", "boom"));
  db_.begin();
  db_.retire_dead_letter(delivered);
  db_.retire_dead_letter(failing);
  auto again = failure("b", "boom");
  again.attempts = 2;
  db_.add_dead_letter(again);
  EXPECT_EQ(db_.dead_letters().size(), 2u) << "nothing leaves before the commit";
  db_.commit();

  const auto left = db_.dead_letters();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, failing);
  EXPECT_EQ(left[0].attempts, 2);
}

TEST_F(DeadLetterStore, ARetiredEntryStaysWhenItsCheckpointRollsBack) {
  const auto id = db_.add_dead_letter(failure("a", "boom"));
  db_.begin();
  db_.retire_dead_letter(id);
  db_.rollback();
  ASSERT_EQ(db_.dead_letters().size(), 1u);
  // and a later commit does not remove it either
  db_.put("k", "v");
  db_.flush();
  ASSERT_EQ(db_.dead_letters().size(), 1u);
  EXPECT_EQ(db_.dead_letters()[0].id, id);
}

TEST_F(DeadLetterStore, LimitsRemoveTheOldestAndTheLeastRecentlySeen) {
  const auto now = now_ms();
  db_.add_dead_letter(failure("ancient", "boom", "enrich", now - 10 * 86'400'000LL));
  for (int i = 0; i < 5; ++i)
    db_.add_dead_letter(failure("item" + std::to_string(i), "boom", "enrich", now - 5 + i));
  const auto removed = db_.prune_dead_letters(86'400'000, 3);
  EXPECT_EQ(removed.too_old, 1u);
  EXPECT_EQ(removed.over_cap, 2u);
  std::vector<std::string> left;
  for (const auto& d : db_.dead_letters()) left.push_back(d.item);
  EXPECT_THAT(left, ElementsAre("item2", "item3", "item4"));
  const auto none = db_.prune_dead_letters(0, 0);
  EXPECT_EQ(none.too_old + none.over_cap, 0u) << "0 turns both limits off";
}

TEST_F(DeadLetterStore, NamesListWhatAFilterCanMatch) {
  db_.add_dead_letter(failure("a", "boom", "enrich"));
  db_.add_dead_letter(failure("a", "boom", "(router)"));
  auto other = failure("a", "boom", "sink");
  other.pipeline = "q";
  db_.add_dead_letter(other);
  const auto names = db_.dead_letter_names();
  EXPECT_THAT(names.pipelines, ElementsAre("p", "q"));
  EXPECT_THAT(names.stages, ElementsAre(Pair("p", "(router)"), Pair("p", "enrich"), Pair("q", "sink")));
}

// The layout every release before keyed entries wrote (no version, no
// error_kind, ids reusable): opened, it is migrated in place; copies of one
// failure (one per rerun) fold into the oldest, which keeps its id.
TEST(DeadLetterMigration, AnOldStateDatabaseIsUpgraded) {
  testing::TempDir dir;
  const auto file = dir / "old.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    const char* old = R"sql(
      CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE dead_letters (id INTEGER PRIMARY KEY, pipeline TEXT NOT NULL, stage TEXT NOT NULL,
        plugin TEXT NOT NULL, plugin_version TEXT NOT NULL, error TEXT NOT NULL, time_ms INTEGER NOT NULL,
        input_kind TEXT NOT NULL, item TEXT NOT NULL, input BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 1);
      CREATE INDEX dead_letters_by_stage ON dead_letters(pipeline, stage);
      CREATE TABLE runs (id INTEGER PRIMARY KEY, pipeline TEXT NOT NULL, started_ms INTEGER NOT NULL,
        finished_ms INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, documents INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
        dead_lettered INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '');
      INSERT INTO kv VALUES('p/files/checkpoint', 'kept');
      INSERT INTO runs(pipeline, started_ms, status) VALUES('p', 1, 'ok');
      INSERT INTO dead_letters VALUES(3, 'p', 'files', 'files', '1', 'file is 5 bytes', 100, 'document', 'big', 'in1', 1);
      INSERT INTO dead_letters VALUES(4, 'p', 'enrich', 'x', '1', 'boom', 150, 'document', 'other', 'in', 2);
      INSERT INTO dead_letters VALUES(7, 'p', 'files', 'files', '1', 'file is 6 bytes', 200, 'document', 'big', 'in2', 1);
      INSERT INTO dead_letters VALUES(9, 'p', 'files', 'files', '1', 'file is 7 bytes', 300, 'document', 'big', 'in3', 1);
    )sql";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, old, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_close(db);
  }
  StateDb db(file);
  EXPECT_EQ(db.get("p/files/checkpoint"), "kept");
  EXPECT_EQ(db.runs().size(), 1u);
  const auto entries = db.dead_letters({}, true);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, 3);
  EXPECT_EQ(entries[0].attempts, 3);
  EXPECT_EQ(entries[0].first_ms, 100);
  EXPECT_EQ(entries[0].time_ms, 300);
  EXPECT_EQ(entries[0].input, "in3") << "the newest input";
  EXPECT_EQ(entries[1].id, 4);
  EXPECT_EQ(entries[1].attempts, 2);
  // The new keying applies from now on, and the largest old id is never reused.
  EXPECT_EQ(db.add_dead_letter(failure("big", "file is 8 bytes", "files")), 3);
  EXPECT_GT(db.add_dead_letter(failure("new", "boom")), 9);
}

}  // namespace
}  // namespace sluice::host
