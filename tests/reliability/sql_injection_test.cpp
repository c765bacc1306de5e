// SQL only ever receives values through bound parameters, in the sqlite
// sink and in the host's state database: text that looks like SQL is
// stored verbatim and runs nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;

constexpr const char* kTitle = "Robert'); DROP TABLE articles; -- said the \"headline\"";
constexpr const char* kCaption = "x'); DELETE FROM articles; --";
constexpr const char* kCredit = "\"; UPDATE articles SET title = 'pwned'; --";
constexpr const char* kBody = "1' OR '1'='1'; DROP TABLE articles_fts; /* ' */ SELECT * FROM kv;";
// A document key: it reaches the state database's dead-letter store.
constexpr const char* kBadFile = "x'); DROP TABLE dead_letters; --.txt";

// Rows of `sql` as strings, one vector per row.
std::vector<std::vector<std::string>> query(const std::filesystem::path& db_file, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::vector<std::vector<std::string>> rows;
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    auto& row = rows.emplace_back();
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const auto* text = sqlite3_column_text(st, c);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

TEST(SqlInjection, PayloadsAreStoredVerbatim) {
  Workspace ws;
  sluice::testing::write_file(ws / "in/payload.txt", std::string(" date 2023-05-06 ") + kCaption + " - " +
                                                         kCredit + "\n\n" + kTitle + ". More text.\n\n" +
                                                         kBody + "\n");
  sluice::testing::write_file(ws / "in" / kBadFile, "");
  const auto cfg = ws.config("p.toml", R"([pipeline.p]
[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"
title_from_first_paragraph = true

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)");
  // Twice: the second run is an update of the same row (incremental off).
  for (int run = 0; run < 2; ++run) {
    const auto r = ws.sluice({"run", cfg.string(), "--quiet"});
    EXPECT_EQ(r.status.code, 1) << r.err;  // the empty file fails
    std::filesystem::remove_all(ws.state_file().parent_path());
  }
  const auto db = ws / "out/a.db";
  const auto rows = query(db, "SELECT title, caption, credit, body FROM articles");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], kTitle);
  EXPECT_EQ(rows[0][1], kCaption);
  EXPECT_EQ(rows[0][2], kCredit);
  EXPECT_EQ(rows[0][3], std::string(kTitle) + ". More text.\n\n" + kBody);
  EXPECT_EQ(query(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'headline'")[0][0], "1");

  // The file name went into the dead-letter store as data, too.
  const auto r = ws.sluice({"run", cfg.string(), "--quiet"});
  EXPECT_EQ(r.status.code, 1);
  const auto dead = ws.dead_letters();
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].item, kBadFile);
  const auto list = ws.sluice({"dlq", "list", "--config", cfg.string()});
  EXPECT_THAT(list.out, HasSubstr("1 dead letter"));
}

}  // namespace
}  // namespace reliability
