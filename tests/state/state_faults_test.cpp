// A state database that cannot be used is refused when it is opened, with a
// StateDbUnusable naming the file, never later as a read error a stage
// would retry: damaged pages, a file that is no database, a file this user
// may not read, one written by a newer sluice. `check_state_file` reports
// on such a file without changing it; `move_state_aside` keeps it.
#include <gmock/gmock.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "sluice/host/state_check.hpp"
#include "sluice/host/state_db.hpp"
#include "test_support.hpp"

namespace sluice::host {
namespace {

using ::testing::HasSubstr;

constexpr int kPage = 4096;

// A database of many pages: enough stage state that its B-tree has
// interior and leaf pages well past the header.
void fill(const std::filesystem::path& file, int keys) {
  StateDb db(file);
  const std::string value(300, 'v');
  for (int i = 0; i < keys; ++i) db.put("stage/key" + std::to_string(i), value);
  db.flush();
}

// Overwrites one whole page in the middle of the file, as a bad sector or a
// stray write would. The StateDb above was closed, so the WAL is merged.
void damage_middle_page(const std::filesystem::path& file) {
  const auto size = std::filesystem::file_size(file);
  ASSERT_GT(size, 8u * kPage) << "the test needs a database of several pages";
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>((size / kPage / 2) * kPage));
  const std::string garbage(kPage, '\x5a');
  f.write(garbage.data(), kPage);
}

std::string refusal(const std::filesystem::path& file) {
  try {
    StateDb db(file);
  } catch (const StateDbUnusable& e) {
    EXPECT_EQ(e.file(), file);
    return e.what();
  }
  return "(opened)";
}

class StateFaults : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  std::filesystem::path file_ = dir_ / "state.db";
};

TEST_F(StateFaults, GarbageInTheMiddleIsRefusedAtOpen) {
  fill(file_, 2000);
  ASSERT_NO_THROW(StateDb{file_}) << "intact before the damage";
  damage_middle_page(file_);
  const auto why = refusal(file_);
  EXPECT_THAT(why, HasSubstr("state database " + file_.string() + " cannot be used"));
  EXPECT_THAT(why, HasSubstr("damaged"));

  const auto check = check_state_file(file_);
  EXPECT_FALSE(check.intact);
  EXPECT_FALSE(check.problems.empty());
}

TEST_F(StateFaults, AFileThatIsNoDatabaseIsRefusedAtOpen) {
  testing::write_file(file_, std::string(64 * 1024, 'x'));
  EXPECT_THAT(refusal(file_), HasSubstr("file is not a database"));
  const auto check = check_state_file(file_);
  EXPECT_FALSE(check.intact);
  EXPECT_EQ(check.schema, -1) << "nothing could be read";
  EXPECT_EQ(testing::read_file(file_), std::string(64 * 1024, 'x')) << "the check changes nothing";
}

TEST_F(StateFaults, ADirectoryIsRefusedAtOpen) {
  std::filesystem::create_directories(file_);
  EXPECT_THAT(refusal(file_), HasSubstr("not a regular file"));
}

// Root may read anything, so as root the open runs in a child that has
// dropped to nobody first: the refusal under test is the one an ordinary
// service account meets.
TEST_F(StateFaults, AFileThisUserMayNotReadIsRefusedAtOpen) {
  fill(file_, 10);
  ASSERT_EQ(::chmod(file_.c_str(), 0), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setresgid(65534, 65534, 65534) != 0 ||
                             ::setresuid(65534, 65534, 65534) != 0))
      ::_exit(3);
    try {
      StateDb db(file_);
    } catch (const StateDbUnusable& e) {
      ::_exit(std::string(e.what()).find("may not read and write it") != std::string::npos ? 0 : 1);
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(4);  // opened
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0)
      << "1: other message, 2: other exception, 3: could not drop root, 4: opened";
}

TEST_F(StateFaults, ADatabaseFromANewerSluiceIsRefused) {
  fill(file_, 1);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  EXPECT_THAT(refusal(file_), HasSubstr("written by a newer sluice (schema 99; this one reads up to 2)"));
}

// A failure noticed after open (the file damaged while a run holds it) is
// remembered, so the runner can stop instead of retrying reads.
TEST_F(StateFaults, CorruptionSeenLaterMarksTheDatabaseUnusable) {
  fill(file_, 2000);
  StateDb db(file_);
  EXPECT_FALSE(db.unusable());
  damage_middle_page(file_);
  bool refused = false;
  for (int i = 0; i < 2000 && !refused; ++i) {
    try {
      db.get("stage/key" + std::to_string(i));
    } catch (const StateDbUnusable&) {
      refused = true;
    }
  }
  EXPECT_TRUE(refused) << "some read crosses the damaged page";
  EXPECT_TRUE(db.unusable());
  EXPECT_FALSE(db.unusable_reason().empty());
}

TEST_F(StateFaults, CheckSummarisesAnIntactDatabase) {
  {
    StateDb db(file_);
    db.put("host/p/out/commit_token", "42");
    db.put("p/files/checkpoint", "x");
    db.flush();
    DeadLetter d;
    d.pipeline = "p";
    d.stage = "enrich";
    d.item = "a";
    d.error = "boom";
    d.input_kind = "document";
    db.add_dead_letter(d);
    auto r = RunRecord{};
    r.id = db.run_started("p");
    r.status = "ok";
    r.articles = 7;
    db.run_finished(r);
  }
  const auto check = check_state_file(file_);
  EXPECT_TRUE(check.intact);
  EXPECT_TRUE(check.problems.empty());
  EXPECT_EQ(check.schema, 2);
  EXPECT_EQ(check.sink_tokens, 1);
  EXPECT_EQ(check.stage_keys, 1);
  ASSERT_EQ(check.dead_letters.size(), 1u);
  EXPECT_EQ(check.dead_letters[0], (std::pair<std::string, std::int64_t>{"p/enrich", 1}));
  ASSERT_EQ(check.last_runs.size(), 1u);
  EXPECT_EQ(check.last_runs[0].articles, 7u);
  EXPECT_TRUE(check.unreadable.empty());
}

TEST_F(StateFaults, MovingAsideKeepsTheFileAndItsWal) {
  fill(file_, 10);
  testing::write_file(dir_ / "state.db-wal", "wal");
  const auto before = testing::read_file(file_);
  const auto aside = move_state_aside(file_);
  EXPECT_FALSE(std::filesystem::exists(file_));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "state.db-wal"));
  EXPECT_THAT(aside.filename().string(), HasSubstr("state.db.bad-"));
  EXPECT_EQ(testing::read_file(aside), before);
  EXPECT_EQ(testing::read_file(aside.string() + "-wal"), "wal");
  // A second reset in the same second gets its own name.
  fill(file_, 1);
  EXPECT_NE(move_state_aside(file_), aside);
}

}  // namespace
}  // namespace sluice::host
