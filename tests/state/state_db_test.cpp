// StateDb's key/value space: writes wait in memory for the next commit (so
// they land with the checkpoint of their batch), reads see them at once,
// and a commit that fails loses nothing.
#include "sluice/host/state_db.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <string>
#include <thread>

#include "test_support.hpp"

namespace sluice::host {
namespace {

// A second, independent connection: what another process would see.
std::optional<std::string> durable_value(const std::filesystem::path& file, const std::string& key) {
  StateDb other(file);
  return other.get(key);
}

void exec(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

class StateDbTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  std::filesystem::path file_ = dir_ / "state.db";
};

TEST_F(StateDbTest, WritesAreSeenAtOnceAndStoredAtTheNextCommit) {
  StateDb db(file_);
  db.put("a", "1");
  db.put("b", "2");
  db.erase("b");
  EXPECT_EQ(db.get("a"), "1");
  EXPECT_EQ(db.get("b"), std::nullopt);
  EXPECT_EQ(durable_value(file_, "a"), std::nullopt) << "nothing is durable before a commit";

  db.begin();
  db.commit();
  EXPECT_EQ(durable_value(file_, "a"), "1");
  EXPECT_EQ(db.get("a"), "1");  // now through the read connection

  db.erase("a");
  EXPECT_EQ(db.get("a"), std::nullopt);
  db.flush();
  EXPECT_EQ(durable_value(file_, "a"), std::nullopt);
}

TEST_F(StateDbTest, TheDestructorFlushes) {
  { StateDb(file_).put("k", "v"); }
  EXPECT_EQ(durable_value(file_, "k"), "v");
}

TEST_F(StateDbTest, AFailedCommitKeepsItsWritesForTheNext) {
  StateDb db(file_);
  db.put("seed", "0");
  db.flush();
  // The store refuses one key, so the whole commit fails.
  exec(file_,
       "CREATE TRIGGER refuse BEFORE INSERT ON kv WHEN NEW.key = 'bad' "
       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
  db.put("good", "1");
  db.put("bad", "2");
  db.begin();
  EXPECT_THROW(db.commit(), std::runtime_error);
  db.rollback();  // harmless: the failed commit rolled back already
  EXPECT_EQ(durable_value(file_, "good"), std::nullopt);
  EXPECT_EQ(db.get("good"), "1") << "a failed commit must not lose the writes";
  db.put("good", "3");  // newer than what the failed commit held

  exec(file_, "DROP TRIGGER refuse");
  db.flush();
  EXPECT_EQ(durable_value(file_, "good"), "3");
  EXPECT_EQ(durable_value(file_, "bad"), "2");
}

// Readers on other threads race a writer that commits often: a value, once
// seen, must never go missing or go back while it moves from memory to disk.
TEST_F(StateDbTest, ReadersNeverSeeAValueGoBackDuringCommits) {
  StateDb db(file_);
  constexpr int kWrites = 3000;
  std::atomic<bool> done{false};
  std::atomic<int> regressions{0};
  auto reader = [&] {
    long last = -1;
    while (!done.load()) {
      const auto v = db.get("counter");
      const long now = v ? std::stol(*v) : -1;
      if (now < last) ++regressions;
      last = now;
    }
  };
  std::thread r1(reader), r2(reader);
  for (int i = 0; i <= kWrites; ++i) {
    db.put("counter", std::to_string(i));
    if (i % 25 == 0) {
      db.begin();
      db.commit();
    }
  }
  done = true;
  r1.join();
  r2.join();
  EXPECT_EQ(regressions.load(), 0);
  db.flush();
  EXPECT_EQ(durable_value(file_, "counter"), std::to_string(kWrites));
}

TEST(StateDbMemory, WorksWithoutAFile) {
  StateDb db(":memory:");
  db.put("x", "y");
  EXPECT_EQ(db.get("x"), "y");
  db.flush();
  EXPECT_EQ(db.get("x"), "y");
}

}  // namespace
}  // namespace sluice::host
