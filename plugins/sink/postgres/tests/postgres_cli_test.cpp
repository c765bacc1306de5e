// The postgres sink through the real `sluice` CLI and the built plugins:
// seed-format files -> seed_text -> postgres, against a real server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "postgres_fixture.hpp"
#include "test_support.hpp"

namespace {

using sluice::testing::CommandResult;
using sluice::testing::run_command;
using sluice::testing::shell_quote;
using sluice::testing::sluice_command;
using sluice::testing::write_file;

constexpr int kArticles = 5;

class PostgresCli : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = sluice::testing::shared_postgres_url();
    if (url_.empty()) GTEST_SKIP() << "no postgres fixture (run through ctest)";
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    table_ = "cli_" + std::string(info->name()).substr(0, 30) + "_" + std::to_string(::getpid());
    for (auto& c : table_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Seed-format documents: a date line, then paragraphs; the first
    // sentence becomes the title.
    for (int i = 0; i < kArticles; ++i) {
      write_file(dir_ / ("in/" + std::to_string(i) + ".txt"),
                 " date 2023-07-2" + std::to_string(i) + " Caption " + std::to_string(i) + " - Agency\n\n" +
                     "Headline number " + std::to_string(i) + ". The river word" + std::to_string(i) +
                     " flooded the valley.\n\nA second paragraph.\n");
    }
  }
  void TearDown() override {
    if (url_.empty()) return;
    query("DROP TABLE IF EXISTS \"" + table_ + "\"");
  }

  // A config with one pipeline: files -> seed_text -> postgres, plus `extra`
  // lines in the sink's table.
  void config(const std::string& sink_extra = "", const std::string& table = "") {
    write_file(dir_ / "cfg.toml", "[host]\nplugin_dirs = [" + toml(SLUICE_PLUGIN_DIR) +
                                      "]\nstate = \"state/sluice.db\"\n\n"
                                      "[pipeline.p]\nbatch_size = 64\n\n"
                                      "[[pipeline.p.source]]\nplugin = \"files\"\npath = \"in\"\n"
                                      "incremental = false\n\n"
                                      "[[pipeline.p.parser]]\nplugin = \"seed_text\"\n"
                                      "title_from_first_paragraph = true\n\n"
                                      "[[pipeline.p.sink]]\nplugin = \"postgres\"\n"
                                      "connection = \"${PG_URL}\"\ntable = " +
                                      toml(table.empty() ? table_ : table) + "\n" + sink_extra);
  }
  static std::string toml(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) out += (c == '"' || c == '\\') ? std::string{'\\', c} : std::string{c};
    return out + "\"";
  }

  CommandResult sluice(const std::string& args, const std::string& url = "") {
    return run_command("PG_URL=" + shell_quote(url.empty() ? url_ : url) + " " + sluice_command(args),
                       dir_.path());
  }

  pqxx::result query(const std::string& sql, const std::string& url = "") {
    pqxx::connection c(url.empty() ? url_ : url);
    pqxx::nontransaction n(c);
    return n.exec(sql);
  }
  long count(const std::string& url = "", const std::string& table = "") {
    return query("SELECT count(*) FROM \"" + (table.empty() ? table_ : table) + "\"", url)[0][0].as<long>();
  }

  sluice::testing::TempDir dir_;
  std::string url_, table_;
};

TEST_F(PostgresCli, ArticlesLandWithColumnsAndJsonbAndRerunsUpsert) {
  config();
  const auto first = sluice("run cfg.toml");
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_EQ(count(), kArticles);
  const auto r = query(
      "SELECT title, to_char(published, 'YYYY-MM-DD'), source_uri, body, article->>'caption', "
      "article->'lineage'->0->>'plugin', jsonb_typeof(article) FROM \"" +
      table_ + "\" WHERE title = 'Headline number 3'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0][1].as<std::string>(), "2023-07-23");
  EXPECT_EQ(r[0][2].as<std::string>().rfind("file://", 0), 0u) << r[0][2].c_str();
  EXPECT_NE(r[0][3].as<std::string>().find("\n\nA second paragraph."), std::string::npos) << r[0][3].c_str();
  EXPECT_EQ(r[0][4].as<std::string>(), "Caption 3");
  EXPECT_EQ(r[0][5].as<std::string>(), "seed_text");
  EXPECT_EQ(r[0][6].as<std::string>(), "object");

  const auto second = sluice("run cfg.toml");
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(count(), kArticles) << "a rerun must upsert, not duplicate";
}

TEST_F(PostgresCli, FullTextQueryFindsAnArticleByABodyWord) {
  config();
  ASSERT_EQ(sluice("run cfg.toml").status, 0);
  const auto r = query("SELECT title FROM \"" + table_ + "\" WHERE search @@ to_tsquery('simple', 'word4')");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0][0].as<std::string>(), "Headline number 4");
  EXPECT_EQ(query("SELECT count(*) FROM \"" + table_ +
                  "\" WHERE search @@ to_tsquery('simple', 'valley & river')")[0][0]
                .as<int>(),
            kArticles);
}

// `sluice search` asks the sink: websearch syntax, ranked, with a
// highlighted snippet, and the filters.
TEST_F(PostgresCli, SearchVerbFindsAndHighlights) {
  config();
  ASSERT_EQ(sluice("run cfg.toml").status, 0);
  const auto r = sluice("search cfg.toml word4");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Headline number 4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("**word4**"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 match\n"), std::string::npos) << r.out;

  const auto all = sluice("search cfg.toml \"river valley\" --limit 3 --json");
  ASSERT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '{'), 3) << all.out;

  const auto phrase_miss = sluice("search cfg.toml '\"valley river\"'");
  EXPECT_NE(phrase_miss.out.find("0 matches"), std::string::npos) << phrase_miss.out;
  const auto since = sluice("search cfg.toml valley --since 2023-07-23");
  EXPECT_NE(since.out.find("2 matches"), std::string::npos) << since.out;
}

TEST_F(PostgresCli, ARefusedArticleIsDeadLetteredAndItsBatchMatesStored) {
  config();
  ASSERT_EQ(sluice("run cfg.toml").status, 0);
  query("TRUNCATE \"" + table_ + "\"");
  query("ALTER TABLE \"" + table_ + "\" ADD CONSTRAINT not_two CHECK (title <> 'Headline number 2')");
  const auto r = sluice("run cfg.toml");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(count(), kArticles - 1) << r.err;
  EXPECT_NE(r.err.find("not_two"), std::string::npos) << r.err;
  const auto list = sluice("dlq list --config cfg.toml");
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("1 dead letter"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("refused"), std::string::npos) << list.out;
  const auto show = sluice("dlq show 1 --config cfg.toml");
  EXPECT_NE(show.out.find("violates check constraint \"not_two\""), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("Headline number 2"), std::string::npos) << "the stored input is the article";
  // Dropping the constraint and replaying delivers the one left.
  query("ALTER TABLE \"" + table_ + "\" DROP CONSTRAINT not_two");
  const auto replay = sluice("dlq replay --config cfg.toml");
  EXPECT_EQ(replay.status, 0) << replay.out << replay.err;
  EXPECT_EQ(count(), kArticles);
}

TEST_F(PostgresCli, ServerDownDeadLettersThenReplayDeliversAfterRestart) {
  sluice::testing::PrivatePostgres server;
  server.pause();
  config("retries = 2\nretry_backoff = \"50ms\"\nconnect_timeout = \"3s\"\n", "articles");
  const auto down = sluice("run cfg.toml", server.url());
  EXPECT_EQ(down.status, 1) << down.err;
  EXPECT_NE(down.err.find("sink 'postgres' failed (attempt 3)"), std::string::npos) << down.err;
  EXPECT_NE(down.err.find("127.0.0.1"), std::string::npos) << down.err;
  const auto list = sluice("dlq list --config cfg.toml");
  EXPECT_NE(list.out.find(std::to_string(kArticles) + " dead letters"), std::string::npos) << list.out;

  server.resume();
  const auto replay = sluice("dlq replay --config cfg.toml", server.url());
  EXPECT_EQ(replay.status, 0) << replay.out << replay.err;
  EXPECT_EQ(count(server.url(), "articles"), kArticles);
  EXPECT_NE(sluice("dlq list --config cfg.toml").out.find("0 dead letters"), std::string::npos);
}

TEST_F(PostgresCli, OnFailureFailEndsTheRunWithAClearError) {
  sluice::testing::PrivatePostgres server;
  server.pause();
  config("retries = 1\nretry_backoff = \"50ms\"\non_failure = \"fail\"\n", "articles");
  const auto r = sluice("run cfg.toml", server.url());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("sluice: pipeline p sink 'postgres' failed after 2 attempts: postgres sink 'postgres' "
                       "(sluice@127.0.0.1:"),
            std::string::npos)
      << r.err;
}

TEST_F(PostgresCli, TableNameInjectionIsRefusedWithTheConfigPosition) {
  config("", "x\\\"; DROP TABLE pg_class; --");
  const auto r = sluice("run cfg.toml");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("cfg.toml:17:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("option 'table' must be a plain identifier"), std::string::npos) << r.err;
  EXPECT_EQ(query("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'x%'")[0][0].as<int>(), 0);
}

}  // namespace
