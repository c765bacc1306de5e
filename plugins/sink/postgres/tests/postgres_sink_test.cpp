// The postgres sink in-process against a real server: the `postgres` ctest
// fixture's (one table per test, so tests run in parallel) or, for outages,
// a private one this test stops and starts.
#include "postgres_sink.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "postgres_fixture.hpp"
#include "sluice/sdk/json.hpp"
#include "sluice/sdk/testing/options.hpp"

namespace sluice::plugins::postgres {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp

namespace {

// Remembers warnings, to check what the sink tells the operator.
class RecordingLog : public sdk::Log {
 public:
  void info(std::string_view) override {}
  void warn(std::string_view m) override { warnings.emplace_back(m); }
  std::vector<std::string> warnings;
};

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

class PostgresSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = sluice::testing::shared_postgres_url();
    if (url_.empty()) GTEST_SKIP() << "no postgres fixture (run through ctest)";
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    table_ = "t_" + std::string(info->name()).substr(0, 30) + "_" + std::to_string(::getpid());
    for (auto& c : table_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  void TearDown() override {
    if (url_.empty()) return;
    pqxx::connection c(url_);
    pqxx::work w(c);
    w.exec0("DROP TABLE IF EXISTS " + postgres::quoted(table_));
    w.commit();
  }

  sdk::StageInit init(sdk::Map overrides = {}, const std::string& url = "") {
    sdk::StageInit i;
    i.pipeline = "test";
    i.name = "pg";
    i.log = &log_;
    if (!overrides.count("connection")) overrides["connection"] = url.empty() ? url_ : url;
    if (!overrides.count("table")) overrides["table"] = table_;
    i.options = sdk::testing::make_options(*descriptor(), overrides);
    return i;
  }

  pqxx::result query(const std::string& sql) {
    pqxx::connection c(url_);
    pqxx::nontransaction n(c);
    return n.exec(sql);
  }
  long count() { return query("SELECT count(*) FROM " + postgres::quoted(table_))[0][0].as<long>(); }
  std::vector<std::string> search(const std::string& tsquery) {
    pqxx::connection c(url_);
    pqxx::nontransaction n(c);
    std::vector<std::string> ids;
    for (const auto& row : n.exec_params("SELECT id FROM " + postgres::quoted(table_) +
                                             " WHERE search @@ to_tsquery('simple', $1) ORDER BY id",
                                         tsquery))
      ids.push_back(row[0].as<std::string>());
    return ids;
  }

  std::string url_, table_;
  RecordingLog log_;
};

TEST_F(PostgresSinkTest, StoresTypedColumnsAndTheCanonicalJson) {
  sdk::Article a = make_article("a1", "Minister resigns", {"First paragraph.", "Second one."});
  a.authors = {"Jane Doe", "John \"JR\" Roe"};
  a.published = "2023-07-29T10:15:00Z";
  PostgresSink sink(init());
  sink.write(std::vector{a});
  sink.close();

  const auto r = query(
      "SELECT source_uri, content_type, title, to_char(published AT TIME ZONE 'UTC', 'YYYY-MM-DD "
      "HH24:MI:SS'), "
      "language, array_to_string(authors, '|'), body, (extract(epoch from fetched_at) * 1000)::bigint, "
      "article = $j$" +
      sdk::json::to_json(a) + "$j$::jsonb, article->>'title' FROM " + postgres::quoted(table_) +
      " WHERE id = 'a1'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0][0].as<std::string>(), a.source_uri);
  EXPECT_EQ(r[0][1].as<std::string>(), "text/plain");
  EXPECT_EQ(r[0][2].as<std::string>(), "Minister resigns");
  EXPECT_EQ(r[0][3].as<std::string>(), "2023-07-29 10:15:00");
  EXPECT_EQ(r[0][4].as<std::string>(), "en");
  EXPECT_EQ(r[0][5].as<std::string>(), "Jane Doe|John \"JR\" Roe");
  EXPECT_EQ(r[0][6].as<std::string>(), "First paragraph.\n\nSecond one.");
  EXPECT_EQ(r[0][7].as<long long>(), 1700000000123LL);
  EXPECT_TRUE(r[0][8].as<bool>()) << "jsonb differs from the canonical JSON";
  EXPECT_EQ(r[0][9].as<std::string>(), "Minister resigns");
}

TEST_F(PostgresSinkTest, DatesOnlyOrUnparseableAndEmptyFields) {
  auto date_only = make_article("d", "Date only", {"p"});
  auto garbage = make_article("g", "Garbage date", {"p"});
  garbage.published = "sometime last week";
  garbage.language.clear();
  garbage.fetched_at_ms = 0;
  PostgresSink sink(init());
  sink.write(std::vector{date_only, garbage});
  const auto r = query(
      "SELECT id, to_char(published AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), language, "
      "fetched_at IS NULL FROM " +
      postgres::quoted(table_) + " ORDER BY id");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0][1].as<std::string>(), "2024-03-01 00:00");
  EXPECT_TRUE(r[1][1].is_null());
  EXPECT_TRUE(r[1][2].is_null());
  EXPECT_TRUE(r[1][3].as<bool>());
}

TEST_F(PostgresSinkTest, RewritingUpsertsByIdAndChangesUpdateTheRow) {
  const std::vector batch = {make_article("a", "A", {"alpha"}), make_article("b", "B", {"beta"})};
  {
    PostgresSink sink(init());
    sink.write(batch);
    sink.write(batch);
  }
  const std::string updated = "SELECT updated_at::text FROM " + postgres::quoted(table_) + " WHERE id = 'a'";
  const auto before = query(updated)[0][0].as<std::string>();
  PostgresSink rerun(init());
  rerun.write(batch);
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(query(updated)[0][0].as<std::string>(), before)
      << "an identical article must leave its row alone";
  rerun.write(std::vector{make_article("a", "A", {"revised wording"})});
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(search("revised"), std::vector<std::string>{"a"});
  EXPECT_TRUE(search("alpha").empty()) << "the search column follows the update";
}

TEST_F(PostgresSinkTest, FullTextSearchFindsAnArticleByABodyWord) {
  PostgresSink sink(init());
  sink.write(std::vector{
      make_article("flood", "Weather", {"Heavy rain caused flooding in the valley."}),
      make_article("vote", "Politics", {"Parliament passed the budget."}),
  });
  EXPECT_EQ(search("flooding"), std::vector<std::string>{"flood"});
  EXPECT_EQ(search("budget & parliament"), std::vector<std::string>{"vote"});
  EXPECT_EQ(search("politics"), std::vector<std::string>{"vote"}) << "the title is indexed too";
  const auto plan = query("EXPLAIN SELECT id FROM " + postgres::quoted(table_) +
                          " WHERE search @@ to_tsquery('simple', 'x')");
  const auto index = query("SELECT indexdef FROM pg_indexes WHERE tablename = '" + table_ + "'");
  bool gin = false;
  for (const auto& row : index)
    gin = gin || std::string(row[0].c_str()).find("USING gin (search)") != std::string::npos;
  EXPECT_TRUE(gin);
}

TEST_F(PostgresSinkTest, StemmingWithAnotherTextSearchConfig) {
  PostgresSink sink(init({{"fts_config", "english"}}));
  sink.write(std::vector{make_article("flood", "Weather", {"Rivers flooded the valley."})});
  const auto r = query("SELECT count(*) FROM " + postgres::quoted(table_) +
                       " WHERE search @@ to_tsquery('english', 'floods')");
  EXPECT_EQ(r[0][0].as<int>(), 1);
}

TEST_F(PostgresSinkTest, ARefusedRowDoesNotLoseItsBatchMates) {
  { PostgresSink create(init()); }
  query("ALTER TABLE " + postgres::quoted(table_) +
        " ADD CONSTRAINT no_spam CHECK (title NOT LIKE '%SPAM%')");
  PostgresSink sink(init());
  try {
    sink.write(std::vector{make_article("ok1", "Fine", {"p"}), make_article("bad", "Buy SPAM now", {"p"}),
                           make_article("ok2", "Also fine", {"p"}), make_article("", "No id", {"p"})});
    FAIL() << "the refused article was not reported";
  } catch (const sdk::RejectedArticles& e) {
    ASSERT_EQ(e.rejections().size(), 2u) << e.what();
    EXPECT_EQ(e.rejections()[0].id, "");
    EXPECT_EQ(e.rejections()[1].id, "bad");
    EXPECT_NE(e.rejections()[1].error.find("article bad refused"), std::string::npos)
        << e.rejections()[1].error;
    EXPECT_NE(e.rejections()[1].error.find("no_spam"), std::string::npos) << e.rejections()[1].error;
    EXPECT_NE(e.rejections()[1].error.find("postgres sink 'pg'"), std::string::npos);
  }
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(query("SELECT string_agg(id, ',' ORDER BY id) FROM " + postgres::quoted(table_))[0][0]
                .as<std::string>(),
            "ok1,ok2");
  sink.write(std::vector{make_article("ok3", "Later", {"p"})});  // the connection is still usable
  EXPECT_EQ(count(), 3);
}

TEST_F(PostgresSinkTest, NulBytesAndInvalidUtf8AreStoredAsReplacementCharacters) {
  PostgresSink sink(init());
  sink.write(std::vector{make_article("bad", std::string("nul\0here", 8), {"cut \xE2\x82", "\xFF"})});
  const auto r = query("SELECT title, body, article->>'title' FROM " + postgres::quoted(table_));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0][0].as<std::string>(), "nul\xEF\xBF\xBDhere");
  // One U+FFFD per invalid byte, as the SDK's sanitiser does everywhere.
  EXPECT_EQ(r[0][1].as<std::string>(), "cut \xEF\xBF\xBD\xEF\xBF\xBD\n\n\xEF\xBF\xBD");
  EXPECT_EQ(r[0][2].as<std::string>(), "nul\xEF\xBF\xBDhere");
}

TEST_F(PostgresSinkTest, InjectionInTheTableNameIsRefusedBeforeConnecting) {
  for (const std::string bad : {"articles; DROP TABLE x", "a\"b", "1st", "my-table", "",
                                "a_name_that_is_far_too_long_for_an_index_name_x49"}) {
    try {
      PostgresSink sink(init({{"table", bad}}));
      FAIL() << "accepted table '" << bad << "'";
    } catch (const sdk::StageError& e) {
      EXPECT_NE(std::string(e.what()).find("option 'table'"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(PostgresSink(init({{"fts_config", "english'); DROP TABLE x; --"}})), sdk::StageError);
  EXPECT_EQ(query("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'a%b'")[0][0].as<int>(), 0);
}

TEST_F(PostgresSinkTest, ABadConnectionStringNamesTheOptionButNotItsPassword) {
  try {
    PostgresSink sink(init({{"connection", "host=x password=s3cret nonsense_key=1"}}));
    FAIL();
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find("'connection'"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
  }
}

TEST_F(PostgresSinkTest, AnIncompatibleExistingTableIsRefused) {
  query("CREATE TABLE " + postgres::quoted(table_) + " (id text PRIMARY KEY, title text)");
  try {
    PostgresSink sink(init());
    FAIL();
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot use table '" + table_ + "'"), std::string::npos) << e.what();
  }
}

TEST_F(PostgresSinkTest, TwoInstancesShareOneTable) {
  PostgresSink one(init());
  PostgresSink two(init());
  one.write(std::vector{make_article("1", "One", {"p"})});
  two.write(std::vector{make_article("2", "Two", {"p"}), make_article("1", "One", {"p"})});
  one.close();
  two.close();
  EXPECT_EQ(count(), 2);
  EXPECT_THROW(one.write(std::vector{make_article("3", "Three", {"p"})}), sdk::StageError);
}

// A server that is down, then stopped under a live connection, then back.
TEST_F(PostgresSinkTest, ReconnectsAfterTheServerRestarts) {
  sluice::testing::PrivatePostgres server;
  server.pause();
  PostgresSink sink(init({{"table", "articles"}, {"connect_timeout", std::int64_t{5000}}}, server.url()));
  ASSERT_FALSE(log_.warnings.empty()) << "no warning about the unreachable server";
  EXPECT_NE(log_.warnings[0].find("cannot connect yet"), std::string::npos) << log_.warnings[0];
  try {
    sink.write(std::vector{make_article("a", "A", {"p"})});
    FAIL() << "wrote to a stopped server";
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1"), std::string::npos) << e.what();
  }
  server.resume();
  sink.write(std::vector{make_article("a", "A", {"p"})});
  server.pause();
  server.resume();
  // The old connection died with the server: the first write may fail
  // once (the host retries), then the sink reconnects.
  try {
    sink.write(std::vector{make_article("b", "B", {"p"})});
  } catch (const sdk::StageError&) {
    sink.write(std::vector{make_article("b", "B", {"p"})});
  }
  pqxx::connection c(server.url());
  EXPECT_EQ(pqxx::nontransaction(c).exec("SELECT count(*) FROM articles")[0][0].as<int>(), 2);
}

}  // namespace
}  // namespace sluice::plugins::postgres
