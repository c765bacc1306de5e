// Behaviour of the sqlite sink against real database files in a temp dir.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "schema.hpp"
#include "sluice/sdk/json.hpp"
#include "sluice/sdk/testing/options.hpp"
#include "sqlite_sink.hpp"

namespace sluice::plugins::sqlite {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp

namespace {

namespace fs = std::filesystem;
using Poco::Data::Session;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

sdk::Article make_article(std::string id, std::string title, std::vector<std::string> body) {
  sdk::Article a;
  a.id = std::move(id);
  a.source_uri = "file:///seeds/" + a.id + ".txt";
  a.content_type = "text/plain";
  a.fetched_at_ms = 1700000000123;
  a.title = std::move(title);
  a.body = std::move(body);
  a.language = "en";
  a.published = "2024-03-01";
  return a;
}

class SqliteSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = (fs::temp_directory_path() / "sluice-sqlite-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir.data()), nullptr);
    dir_ = dir;
    Poco::Data::SQLite::Connector::registerConnector();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A StageInit as the host would build it: the declared defaults plus
  // `overrides`, converted by the host's own validator.
  sdk::StageInit init(const std::string& path, sdk::Map overrides = {}) {
    sdk::StageInit i;
    i.pipeline = "test";
    i.name = "sqlite";
    i.base_dir = dir_.string();
    overrides["path"] = path;
    i.options = sdk::testing::make_options(*descriptor(), overrides);
    return i;
  }

  // An independent connection for checking what the sink stored.
  Session open(const std::string& name = "out.db") {
    return Session(Poco::Data::SQLite::Connector::KEY, (dir_ / name).string());
  }

  static int count(Session& db, const std::string& sql) {
    int n = -1;
    db << sql, into(n), now;
    return n;
  }

  static std::vector<std::string> fts_ids(Session& db, std::string query,
                                          const std::string& table = "articles") {
    const std::string content = "\"" + table + "\"";
    const std::string fts = "\"" + table + "_fts\"";
    std::vector<std::string> ids;
    db << "SELECT a.id FROM " + content + " a JOIN " + fts + " f ON f.rowid = a.rowid WHERE " + fts +
              " MATCH ? ORDER BY a.id",
        use(query), into(ids), now;
    return ids;
  }

  fs::path dir_;
};

TEST_F(SqliteSinkTest, CreatesTableFullTextIndexAndTriggers) {
  SqliteSink sink(init("out.db"));
  Session db = open();
  EXPECT_EQ(count(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='articles'"), 1);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM sqlite_master WHERE name='articles_fts' "
                  "AND sql LIKE '%fts5%'"),
            1);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM sqlite_master WHERE type='trigger' "
                  "AND tbl_name='articles'"),
            3);
  std::string mode;
  db << "PRAGMA journal_mode", into(mode), now;
  EXPECT_EQ(mode, "wal");
  // Every documented column exists.
  EXPECT_NO_THROW((db << "SELECT id, source_uri, title, published, language, authors, caption, "
                         "credit, body, json, fetched_at_ms, updated_at FROM articles",
                   now));
}

TEST_F(SqliteSinkTest, StoresEachPartOfTheArticle) {
  sdk::Article a = make_article("a1", "Minister resigns", {"First paragraph.", "Second one."});
  a.authors = {"Jane Doe", "John \"JR\" Roe"};
  a.caption = "The minister, yesterday";
  a.credit = "Photo: Agency";
  SqliteSink sink(init("out.db"));
  sink.write(std::vector{a});
  sink.close();

  Session db = open();
  std::string source_uri, title, published, language, authors, caption, credit, body, json;
  Poco::Int64 fetched_at_ms = 0;
  db << "SELECT source_uri, title, published, language, authors, caption, credit, body, json, "
        "fetched_at_ms FROM articles WHERE id = 'a1'",
      into(source_uri), into(title), into(published), into(language), into(authors), into(caption),
      into(credit), into(body), into(json), into(fetched_at_ms), now;
  EXPECT_EQ(source_uri, a.source_uri);
  EXPECT_EQ(title, "Minister resigns");
  EXPECT_EQ(published, "2024-03-01");
  EXPECT_EQ(language, "en");
  EXPECT_EQ(authors, R"(["Jane Doe","John \"JR\" Roe"])");
  EXPECT_EQ(caption, a.caption);
  EXPECT_EQ(credit, a.credit);
  EXPECT_EQ(body, "First paragraph.\n\nSecond one.");
  EXPECT_EQ(json, sdk::json::to_json(a)) << "not the canonical shape every sink shares";
  EXPECT_EQ(fetched_at_ms, 1700000000123);
}

TEST_F(SqliteSinkTest, RewritingTheSameBatchKeepsOneRowPerId) {
  const std::vector batch = {make_article("a", "A", {"alpha"}), make_article("b", "B", {"beta"})};
  {
    SqliteSink sink(init("out.db"));
    sink.write(batch);
    sink.write(batch);
  }
  SqliteSink rerun(init("out.db"));
  rerun.write(batch);
  rerun.close();

  Session db = open();
  EXPECT_EQ(count(db, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(count(db, "SELECT count(DISTINCT id) FROM articles"), 2);
  EXPECT_EQ(fts_ids(db, "alpha"), std::vector<std::string>{"a"}) << "duplicate FTS entries";
}

TEST_F(SqliteSinkTest, ChangedContentUpdatesTheRowAndItsIndexEntry) {
  SqliteSink sink(init("out.db"));
  sink.write(std::vector{make_article("a", "Old title", {"original wording"})});
  Session db = open();
  Poco::Int64 rowid_before = 0;
  db << "SELECT rowid FROM articles WHERE id = 'a'", into(rowid_before), now;

  sink.write(std::vector{make_article("a", "New title", {"revised wording"})});
  EXPECT_EQ(count(db, "SELECT count(*) FROM articles"), 1);
  std::string title;
  Poco::Int64 rowid_after = 0;
  db << "SELECT title, rowid FROM articles WHERE id = 'a'", into(title), into(rowid_after), now;
  EXPECT_EQ(title, "New title");
  EXPECT_EQ(rowid_after, rowid_before);
  EXPECT_EQ(fts_ids(db, "revised"), std::vector<std::string>{"a"});
  EXPECT_TRUE(fts_ids(db, "original").empty()) << "stale FTS entry after update";
  // The external-content index agrees with its table.
  EXPECT_NO_THROW((db << "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)", now));
}

TEST_F(SqliteSinkTest, ARefetchWithTheSameTextUpdatesTheRowButNotTheIndex) {
  SqliteSink sink(init("out.db"));
  sdk::Article a = make_article("a", "Title", {"unchanged wording"});
  sink.write(std::vector{a});
  Session db = open();
  // FTS5 adds rows to its data table whenever it indexes or unindexes.
  const auto index_blocks = [&] {
    std::string ids;
    db << "SELECT group_concat(id) FROM (SELECT id FROM articles_fts_data ORDER BY id)", into(ids), now;
    return ids;
  };
  const std::string blocks_before = index_blocks();

  a.fetched_at_ms += 60000;  // a re-fetch: only the JSON changes
  sink.write(std::vector{a});
  Poco::Int64 fetched_at_ms = 0;
  std::string json;
  db << "SELECT fetched_at_ms, json FROM articles WHERE id = 'a'", into(fetched_at_ms), into(json), now;
  EXPECT_EQ(fetched_at_ms, a.fetched_at_ms);
  EXPECT_EQ(json, sdk::json::to_json(a));
  EXPECT_EQ(index_blocks(), blocks_before) << "the index was rewritten for unchanged text";
  EXPECT_EQ(fts_ids(db, "unchanged"), std::vector<std::string>{"a"});

  // Changing the text afterwards still replaces the index entry.
  a.body = {"different wording"};
  sink.write(std::vector{a});
  EXPECT_EQ(fts_ids(db, "different"), std::vector<std::string>{"a"});
  EXPECT_TRUE(fts_ids(db, "unchanged").empty()) << "stale FTS entry after update";
  EXPECT_NO_THROW((db << "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)", now));
}

TEST_F(SqliteSinkTest, LargeBatchesAndVaryingBatchSizesStoreEveryRow) {
  SqliteSink sink(init("out.db"));
  // More rows than one statement execution takes, and the same id twice in
  // one batch: the later version wins, as with one row at a time.
  std::vector<sdk::Article> large;
  for (int i = 0; i < 2500; ++i) {
    large.push_back(make_article("id" + std::to_string(i), "", {"row " + std::to_string(i) + " text"}));
  }
  large.push_back(make_article("id7", "", {"replacement for seven"}));
  sink.write(large);
  // Batch sizes that change from call to call (partial batches).
  int next = 3000;
  for (int round = 0; round < 3; ++round) {
    for (int size = 1; size <= 7; ++size) {
      std::vector<sdk::Article> batch;
      for (int k = 0; k < size; ++k) {
        batch.push_back(make_article("id" + std::to_string(next++), "", {"small batch"}));
      }
      sink.write(batch);
    }
  }
  Session db = open();
  EXPECT_EQ(count(db, "SELECT count(*) FROM articles"), 2500 + 3 * 28);
  std::string body;
  db << "SELECT body FROM articles WHERE id = 'id7'", into(body), now;
  EXPECT_EQ(body, "replacement for seven");
  EXPECT_EQ(fts_ids(db, "replacement"), std::vector<std::string>{"id7"});
  EXPECT_EQ(count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'small'"), 3 * 28);
  EXPECT_NO_THROW((db << "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)", now));
}

TEST_F(SqliteSinkTest, EmptyValuesAreStoredAsEmptyTextNotNull) {
  SqliteSink sink(init("out.db"));
  sdk::Article a = make_article("a", "", {});
  a.published.clear();
  sink.write(std::vector{a});
  Session db = open();
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM articles WHERE title = '' AND published = '' AND caption = '' "
                  "AND credit = '' AND body = '' AND authors = '[]'"),
            1);
}

TEST_F(SqliteSinkTest, NewDatabasesUseLargePagesExistingOnesKeepTheirs) {
  {
    Session existing = open("old.db");
    existing << "CREATE TABLE unrelated (x)", now;
  }
  SqliteSink fresh(init("out.db"));
  SqliteSink old(init("old.db"));
  Session db = open();
  Session old_db = open("old.db");
  EXPECT_EQ(count(db, "PRAGMA page_size"), 65536);
  EXPECT_EQ(count(old_db, "PRAGMA page_size"), 4096);
  old.write(std::vector{make_article("a", "A", {"p"})});
  EXPECT_EQ(count(old_db, "SELECT count(*) FROM articles"), 1);
}

TEST_F(SqliteSinkTest, FullTextQueryFindsAnArticleByABodyWord) {
  SqliteSink sink(init("out.db"));
  sink.write(std::vector{
      make_article("flood", "Weather", {"Heavy rain caused flooding in the valley."}),
      make_article("vote", "Politics", {"Parliament passed the budget."}),
      make_article("mixed", "Z\xC3\xBCrich news", {"Die Abstimmung in Z\xC3\xBCrich."}),
  });
  Session db = open();
  EXPECT_EQ(fts_ids(db, "flooding"), std::vector<std::string>{"flood"});
  EXPECT_EQ(fts_ids(db, "budget"), std::vector<std::string>{"vote"});
  EXPECT_EQ(fts_ids(db, "title:politics"), std::vector<std::string>{"vote"});
  EXPECT_EQ(fts_ids(db, "zurich"), std::vector<std::string>{"mixed"}) << "unicode61 folding";
}

TEST_F(SqliteSinkTest, InvalidTableNamesAreRefused) {
  for (const std::string bad :
       {"", "1articles", "articles; DROP TABLE x", "my-table", "a b", "t\"", "na\xC3\xAFve"}) {
    EXPECT_THROW(SqliteSink(init("out.db", {{"table", bad}})), sdk::StageError) << bad;
  }
  EXPECT_FALSE(fs::exists(dir_ / "out.db")) << "a refused table name must not create the file";
  EXPECT_TRUE(is_plain_identifier("_news_2024"));
}

TEST_F(SqliteSinkTest, CustomTableNameIncludingAKeyword) {
  SqliteSink sink(init("out.db", {{"table", "order"}}));
  sink.write(std::vector{make_article("a", "A", {"keyword table"})});
  Session db = open();
  EXPECT_EQ(count(db, "SELECT count(*) FROM \"order\""), 1);
  EXPECT_EQ(fts_ids(db, "keyword", "order"), std::vector<std::string>{"a"});
}

TEST_F(SqliteSinkTest, WithoutFtsNoIndexIsCreated) {
  SqliteSink sink(init("out.db", {{"fts", false}}));
  sink.write(std::vector{make_article("a", "A", {"p"})});
  Session db = open();
  EXPECT_EQ(count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'articles_fts%'"), 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM articles"), 1);
}

TEST_F(SqliteSinkTest, EnablingFtsLaterIndexesExistingRows) {
  {
    SqliteSink sink(init("out.db", {{"fts", false}}));
    sink.write(std::vector{make_article("early", "Early", {"written before the index"})});
  }
  SqliteSink sink(init("out.db"));
  Session db = open();
  EXPECT_EQ(fts_ids(db, "index"), std::vector<std::string>{"early"});
}

TEST_F(SqliteSinkTest, TwoInstancesOnTwoFilesAreIndependent) {
  SqliteSink one(init("one.db"));
  SqliteSink two(init("two.db", {{"table", "news"}, {"fts", false}}));
  one.write(std::vector{make_article("1", "One", {"p"})});
  two.write(std::vector{make_article("2", "Two", {"p"}), make_article("3", "Three", {"p"})});
  one.close();
  two.write(std::vector{make_article("4", "Four", {"p"})});

  Session db_one = open("one.db");
  Session db_two = open("two.db");
  EXPECT_EQ(count(db_one, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(count(db_two, "SELECT count(*) FROM news"), 3);
  EXPECT_EQ(count(db_two, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'"), 0);
}

TEST_F(SqliteSinkTest, TwoInstancesOnOneFileShareTheTable) {
  SqliteSink one(init("out.db"));
  SqliteSink two(init("out.db"));
  one.write(std::vector{make_article("1", "One", {"p"})});
  two.write(std::vector{make_article("2", "Two", {"p"}), make_article("1", "One", {"p"})});
  one.close();
  two.close();
  Session db = open();
  EXPECT_EQ(count(db, "SELECT count(*) FROM articles"), 2);
}

TEST_F(SqliteSinkTest, ALockedDatabaseFailsAfterTheBusyTimeoutNamingThePath) {
  SqliteSink sink(init("out.db", {{"busy_timeout", std::int64_t{100}}}));
  Session other = open();
  other << "BEGIN IMMEDIATE", now;
  try {
    sink.write(std::vector{make_article("a", "A", {"p"})});
    FAIL() << "write succeeded while another connection held the write lock";
  } catch (const sdk::StageError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find((dir_ / "out.db").string()), std::string::npos) << message;
    EXPECT_NE(message.find("locked"), std::string::npos) << message;
  }
  other << "ROLLBACK", now;
  sink.write(std::vector{make_article("a", "A", {"p"})});  // the sink recovers
  EXPECT_EQ(count(other, "SELECT count(*) FROM articles"), 1);
}

TEST_F(SqliteSinkTest, InvalidUtf8IsStoredAsReplacementCharacters) {
  SqliteSink sink(init("out.db"));
  sink.write(std::vector{make_article("bad", "bad \xFF title", {"cut \xE2\x82"})});
  Session db = open();
  std::string title, body, json;
  db << "SELECT title, body, json FROM articles", into(title), into(body), into(json), now;
  EXPECT_EQ(title, "bad \xEF\xBF\xBD title");
  EXPECT_EQ(body, "cut \xEF\xBF\xBD");
  EXPECT_NE(json.find("bad \xEF\xBF\xBD title"), std::string::npos);
}

TEST_F(SqliteSinkTest, RelativePathResolvesAgainstBaseDirAndCreatesParents) {
  SqliteSink sink(init("nested/deeper/out.db"));
  sink.write(std::vector{make_article("a", "A", {"p"})});
  EXPECT_TRUE(fs::exists(dir_ / "nested" / "deeper" / "out.db"));
}

TEST_F(SqliteSinkTest, BadOptionsAndInputAreRefused) {
  EXPECT_THROW(SqliteSink(init("out.db", {{"synchronous", "off"}})), sdk::StageError);
  // The host refuses a negative duration before any sink sees it; a
  // StageInit built by hand (an embedder) still gets a clear refusal.
  EXPECT_THROW(init("out.db", {{"busy_timeout", std::int64_t{-1}}}), sdk::testing::OptionsError);
  sdk::StageInit negative = init("out.db");
  sdk::Map values = negative.options.all();
  values["busy_timeout"] = std::int64_t{-1};
  negative.options = sdk::Options(std::move(values));
  EXPECT_THROW(SqliteSink{negative}, sdk::StageError);
  EXPECT_THROW(SqliteSink(init("")), sdk::StageError);
  EXPECT_THROW(SqliteSink(init(".")), sdk::StageError) << "a directory is not a database";

  SqliteSink sink(init("out.db", {{"synchronous", "full"}}));
  EXPECT_THROW(sink.write(std::vector{make_article("", "No id", {"p"})}), sdk::StageError);
  sink.write({});
  sink.close();
  sink.close();
  EXPECT_THROW(sink.write(std::vector{make_article("a", "A", {"p"})}), sdk::StageError);
}

TEST_F(SqliteSinkTest, AnUnopenableFileFailsWithinTheBusyTimeout) {
  fs::create_symlink("loop.db", dir_ / "loop.db");  // open(2) fails with ELOOP, even as root
  const auto start = std::chrono::steady_clock::now();
  try {
    SqliteSink sink(init("loop.db", {{"busy_timeout", std::int64_t{1000}}}));
    FAIL() << "opened a symlink loop";
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find((dir_ / "loop.db").string()), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(SqliteSinkTest, AFileThatIsNotADatabaseIsRefused) {
  { std::ofstream(dir_ / "notes.db") << "these are notes, not a database\n"; }
  EXPECT_THROW(SqliteSink(init("notes.db")), sdk::StageError);
}

TEST_F(SqliteSinkTest, AnIncompatibleExistingTableIsRefused) {
  {
    Session db = open();
    db << "CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT)", now;
  }
  EXPECT_THROW(SqliteSink(init("out.db", {{"fts", false}})), sdk::StageError);
}

}  // namespace
}  // namespace sluice::plugins::sqlite
