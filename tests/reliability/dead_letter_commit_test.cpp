// Dead letters and the checkpoint of their batch are stored in one state
// transaction: together or not at all. The state database is made to refuse
// every new dead letter (an SQLite trigger on the real file, standing in for
// a crash or a full disk between two transactions), so the commit of the
// first batch with a failed article fails. Stored in one transaction, the
// checkpoint did not advance either: once the trigger is gone, the rerun
// reads that document again and every refused article ends up in the store
// exactly once. Had the checkpoint been committed before (or apart from)
// its dead letters, the rerun would skip those documents and their dead
// letters would be missing.
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

constexpr long kArticles = 200;
constexpr long kEvery = 10;

std::string pipeline() {
  return R"([pipeline.p]
workers = 2
batch_size = 16

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "fail_every"
fail_every = )" +
         std::to_string(kEvery) +
         R"(

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)";
}

void exec_sql(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(handle);
  ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << message;
}

TEST(DeadLetterCommit, DeadLettersAndTheirCheckpointSurviveTogetherOrNotAtAll) {
  Workspace ws;
  const auto cfg = ws.config("p.toml", pipeline());
  // A first run over no input creates the state database and its tables.
  std::filesystem::create_directories(ws / "in");
  ASSERT_EQ(ws.sluice({"run", cfg.string(), "--quiet"}).status.code, 0);
  exec_sql(ws.state_file(),
           "CREATE TRIGGER refuse_dead_letters BEFORE INSERT ON dead_letters "
           "BEGIN SELECT RAISE(ABORT, 'test: dead letters refused'); END");

  write_corpus(ws / "in", kArticles);
  const auto refused = ws.sluice({"run", cfg.string(), "--quiet"});
  EXPECT_EQ(refused.status.code, 1);
  EXPECT_THAT(refused.err, HasSubstr("cannot commit checkpoint"));
  EXPECT_THAT(ws.dead_letters(), IsEmpty());

  exec_sql(ws.state_file(), "DROP TRIGGER refuse_dead_letters");
  const auto rerun = ws.sluice({"run", cfg.string(), "--quiet"});
  EXPECT_EQ(rerun.status.code, 1) << "exit 1 for the failed items only: " << rerun.err;
  EXPECT_THAT(rerun.err, HasSubstr("failed item(s)"));

  std::map<long, int> dead;
  for (const auto& d : ws.dead_letters(true)) ++dead[stored_document_marker(d.input)];
  std::vector<long> missing, doubled;
  for (long n = 0; n < kArticles; n += kEvery)
    if (!dead.count(n)) missing.push_back(n);
  for (const auto& [marker, copies] : dead)
    if (copies != 1) doubled.push_back(marker);
  EXPECT_THAT(missing, IsEmpty()) << "refused articles whose checkpoint advanced without their dead letter: "
                                  << summarize(missing);
  EXPECT_THAT(doubled, IsEmpty()) << summarize(doubled);
  EXPECT_EQ(dead.size(), static_cast<std::size_t>(kArticles / kEvery));

  auto delivered = marker_range(kArticles);
  for (long n = 0; n < kArticles; n += kEvery) delivered.erase(n);
  for (const auto& t : {tally_jsonl(ws / "out/a.jsonl"), tally_sqlite(ws / "out/a.db")}) {
    EXPECT_THAT(t.lost(delivered), IsEmpty());
    EXPECT_THAT(t.duplicated(), IsEmpty());
    EXPECT_THAT(t.unexpected(delivered), IsEmpty());
  }
}

}  // namespace
}  // namespace reliability
