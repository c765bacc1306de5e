// Deterministic (no timing, no kill) proofs that a batch's checkpoint is one
// state transaction: the sources' acknowledgements, the sinks' commit tokens
// and the batch's dead letters land together or not at all, and a replayed
// dead letter stays in the store until its replay's checkpoint commits.
// The state database (real SQLite) is made to refuse one part of the
// transaction with a trigger; everything else must then be refused with it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "corpus.hpp"
#include "delivery.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

void sql(const std::filesystem::path& file, const std::string& text) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << "\n" << text;
  sqlite3_free(err);
  sqlite3_close(db);
}

// Every key and value of the state's kv table: checkpoints, tokens, stage state.
std::map<std::string, std::string> kv(const std::filesystem::path& file) {
  std::map<std::string, std::string> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT key, value FROM kv", -1, &st, nullptr), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const auto* v = static_cast<const char*>(sqlite3_column_blob(st, 1));
    out[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))] =
        std::string(v ? v : "", static_cast<std::size_t>(sqlite3_column_bytes(st, 1)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// A trigger refusing writes to `table` that match `when`, on insert and on
// update (an upsert may do either).
std::string refuse(const std::string& name, const std::string& table, const std::string& when) {
  std::string out;
  for (const char* op : {"INSERT", "UPDATE"})
    out += "CREATE TRIGGER " + name + "_" + op + " BEFORE " + op + " ON " + table + " WHEN " + when +
           " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;";
  return out;
}
std::string allow(const std::string& name) {
  return "DROP TRIGGER " + name + "_INSERT; DROP TRIGGER " + name + "_UPDATE;";
}

constexpr long kFirst = 20, kAll = 60;

std::string pipeline(long fail_every) {
  return R"([pipeline.p]
workers = 1
batch_size = 1000

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "fail_every"
fail_every = )" +
         std::to_string(fail_every) + R"(

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"
)";
}

class CommitAtomicity : public ::testing::Test {
 protected:
  // A first run commits articles 0..kFirst-1 (none fail); then more input
  // arrives, which the runs under test read.
  void SetUp() override {
    write_corpus(ws_ / "in", kFirst);
    cfg_ = ws_.config("p.toml", pipeline(0));
    const auto first = ws_.sluice({"run", cfg_.string(), "--quiet"});
    ASSERT_EQ(first.status.code, 0) << first.err;
    write_corpus(ws_ / "in", kAll - kFirst, kFirst);
    before_ = kv(ws_.state_file());
    ASSERT_FALSE(before_.empty());
  }

  void expect_nothing_committed(const CliResult& r) {
    EXPECT_EQ(r.status.code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("cannot commit checkpoint to the state database"));
    EXPECT_EQ(checkpoint_part(kv(ws_.state_file())), checkpoint_part(before_))
        << "part of the checkpoint transaction was stored on its own";
  }

  // Everything but the jsonl sink's close mark (`<pipeline>/<stage>/closed_at`): the
  // sink writes it when it closes, outside any checkpoint, and recovery compares
  // it with the token (a mark unequal to the token means the bytes past the token
  // are the sink's own and are cut), so it is not part of the transaction tested.
  static std::map<std::string, std::string> checkpoint_part(std::map<std::string, std::string> kv) {
    std::erase_if(kv, [](const auto& e) { return e.first.ends_with("/closed_at"); });
    return kv;
  }

  Workspace ws_;
  std::filesystem::path cfg_;
  std::map<std::string, std::string> before_;
};

// The sink's commit token is refused: the source's acknowledgement (its
// checkpoint in kv) must not be stored either.
TEST_F(CommitAtomicity, SourceAcksAndSinkTokensCommitTogether) {
  sql(ws_.state_file(), refuse("token", "kv", "NEW.key LIKE 'host/%/commit_token'"));
  expect_nothing_committed(ws_.sluice({"run", cfg_.string(), "--quiet"}));

  sql(ws_.state_file(), allow("token"));
  const auto rerun = ws_.sluice({"run", cfg_.string(), "--quiet"});
  ASSERT_EQ(rerun.status.code, 0) << rerun.err;
  const auto t = tally_jsonl(ws_ / "out/a.jsonl");
  EXPECT_THAT(t.lost(marker_range(kAll)), IsEmpty());
  EXPECT_THAT(t.duplicated(), IsEmpty());
}

// The batch's dead letters are refused: neither the source's checkpoint nor
// the sink's token may move past the failed articles without them.
TEST_F(CommitAtomicity, DeadLettersCommitWithTheirCheckpoint) {
  const auto broken = ws_.config("broken.toml", pipeline(7));
  sql(ws_.state_file(), refuse("dead", "dead_letters", "1"));
  expect_nothing_committed(ws_.sluice({"run", broken.string(), "--quiet"}));
  EXPECT_THAT(ws_.dead_letters(), IsEmpty());

  sql(ws_.state_file(), allow("dead"));
  const auto rerun = ws_.sluice({"run", broken.string(), "--quiet"});
  EXPECT_EQ(rerun.status.code, 1) << "articles failed: " << rerun.err;
  std::set<long> failed, delivered;
  for (long n = kFirst; n < kAll; ++n) (n % 7 == 0 ? failed : delivered).insert(n);
  std::set<long> stored;
  for (const auto& d : ws_.dead_letters(true)) stored.insert(stored_document_marker(d.input));
  EXPECT_EQ(stored, failed) << "each failed article has its dead letter";
  auto expected = marker_range(kFirst);
  expected.insert(delivered.begin(), delivered.end());
  const auto t = tally_jsonl(ws_ / "out/a.jsonl");
  EXPECT_THAT(t.lost(expected), IsEmpty());
  EXPECT_THAT(t.unexpected(expected), IsEmpty());
  EXPECT_THAT(t.duplicated(), IsEmpty());
}

// A replay whose checkpoint cannot commit leaves every entry as it was
// (same ids, same counts); once it can, they are delivered and removed.
TEST_F(CommitAtomicity, DeadLettersStayUntilTheirReplayIsCheckpointed) {
  const auto broken = ws_.config("broken.toml", pipeline(7));
  ASSERT_EQ(ws_.sluice({"run", broken.string(), "--quiet"}).status.code, 1);
  const auto dead = ws_.dead_letters();
  ASSERT_FALSE(dead.empty());

  sql(ws_.state_file(), refuse("token", "kv", "NEW.key LIKE 'host/%/commit_token'"));
  const auto refused = ws_.sluice({"dlq", "replay", "--config", cfg_.string()});
  EXPECT_EQ(refused.status.code, 1) << refused.err;
  EXPECT_THAT(refused.out, HasSubstr("cannot commit checkpoint to the state database"));
  const auto kept = ws_.dead_letters();
  ASSERT_EQ(kept.size(), dead.size()) << "a replay that did not commit removed entries";
  for (std::size_t i = 0; i < dead.size(); ++i) {
    EXPECT_EQ(kept[i].id, dead[i].id);
    EXPECT_EQ(kept[i].attempts, dead[i].attempts);
  }

  sql(ws_.state_file(), allow("token"));
  const auto replay = ws_.sluice({"dlq", "replay", "--config", cfg_.string()});
  EXPECT_EQ(replay.status.code, 0) << replay.out << replay.err;
  EXPECT_THAT(ws_.dead_letters(), IsEmpty());
  const auto t = tally_jsonl(ws_ / "out/a.jsonl");
  EXPECT_THAT(t.lost(marker_range(kAll)), IsEmpty());
  EXPECT_THAT(t.duplicated(), IsEmpty());
  EXPECT_EQ(t.records, static_cast<std::size_t>(kAll));
}

}  // namespace
}  // namespace reliability
