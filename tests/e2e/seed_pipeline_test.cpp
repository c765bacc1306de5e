// The default pipeline through the real CLI: config/seeds.toml over seeds/
// into JSONL and SQLite, exactly as `make run` does it.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "test_support.hpp"

namespace sluice::testing {
namespace {

const std::filesystem::path kSource = SLUICE_SOURCE_DIR;

// A working directory laid out like the repository: seeds/ and config/.
class SeedPipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy(kSource / "seeds", dir_ / "seeds", std::filesystem::copy_options::recursive);
    std::filesystem::create_directories(dir_ / "config");
    std::filesystem::copy_file(kSource / "config" / "seeds.toml", dir_ / "config" / "seeds.toml");
  }

  CommandResult run_seeds(const std::string& extra = "") {
    return run_command(sluice_command("run config/seeds.toml " + extra), dir_.path());
  }

  std::int64_t sqlite_count(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2((dir_ / "out/sluice.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    std::int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  }

  TempDir dir_;
};

TEST_F(SeedPipeline, DeliversTheSeedArticleToJsonlAndSqlite) {
  const auto r = run_seeds();
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("pipeline seeds: 1 documents, 1 articles delivered, 0 failed"), std::string::npos)
      << r.out;

  const auto lines = read_lines(dir_ / "out/seeds.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  Poco::JSON::Parser parser;
  const auto article = parser.parse(lines[0]).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(article->getValue<std::string>("published"), "2023-07-29");
  EXPECT_EQ(article->getValue<std::string>("caption"),
            "Kim Jong-un (left) and Sergei Shoigu shaking hands at the office building of the Party Central "
            "Committee in Pyongyang");
  EXPECT_EQ(article->getValue<std::string>("credit"), "STR/KCNA /KNS/AFP");
  const auto body = article->getArray("body");
  ASSERT_EQ(body->size(), 20u);
  EXPECT_EQ(body->getElement<std::string>(0).rfind("Russia’s defence minister is in North Korea", 0), 0u);
  EXPECT_EQ(body->getElement<std::string>(19).rfind("However, Mr Shoigu’s visit to Pyongyang", 0), 0u);
  EXPECT_EQ(article->getValue<std::string>("id").size(), 32u);

  // The default chain's enrichers ran: who is in it, and who said what.
  std::vector<std::string> entity_names, speakers;
  for (const auto& e : *article->getArray("entities"))
    entity_names.push_back(e.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("name"));
  for (const auto& q : *article->getArray("quotes"))
    speakers.push_back(q.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("speaker"));
  for (const char* who : {"Sergei Shoigu", "Kim Jong-un", "Anthony Blinken", "Ankit Panda", "Yuriy Sak"})
    EXPECT_NE(std::find(entity_names.begin(), entity_names.end(), who), entity_names.end()) << who;
  for (const char* who : {"Anthony Blinken", "Ankit Panda", "Yuriy Sak"})
    EXPECT_NE(std::find(speakers.begin(), speakers.end(), who), speakers.end()) << who;

  EXPECT_EQ(sqlite_count("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(sqlite_count("SELECT count(*) FROM articles WHERE published = '2023-07-29'"), 1);
  EXPECT_EQ(sqlite_count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Shoigu'"), 1);
}

TEST_F(SeedPipeline, ASecondRunLeavesExactlyOneRow) {
  ASSERT_EQ(run_seeds().status, 0);
  const auto second = run_seeds();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(sqlite_count("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(read_lines(dir_ / "out/seeds.jsonl").size(), 1u);  // the seeds config truncates its JSONL
}

TEST_F(SeedPipeline, ValidateAcceptsTheDefaultConfig) {
  const auto r = run_command(sluice_command("validate config/seeds.toml"), dir_.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("config/seeds.toml: ok (1 pipeline, 13 stages)"), std::string::npos) << r.out;
}

TEST_F(SeedPipeline, ForeignSharedLibrariesAreRefusedAndThePipelineStillRuns) {
  // A real shared library that is not a sluice plugin, and a file that is not ELF.
  const auto foreign = dir_ / "foreign-plugins";
  std::filesystem::create_directories(foreign);
  const std::filesystem::path system_lib = "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0";
  ASSERT_TRUE(std::filesystem::exists(system_lib));
  std::filesystem::copy_file(system_lib, foreign / "libsqlite3.so");
  write_file(foreign / "notes.so", "this is not a shared object\n");

  // A run loads only the plugins its config names, so it never opens them.
  const auto r = run_seeds("--plugin-dir foreign-plugins");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("refused plugin"), std::string::npos) << r.err;
  EXPECT_EQ(read_lines(dir_ / "out/seeds.jsonl").size(), 1u);

  // The listing loads every file, and says why each foreign one is refused.
  const auto list = run_command(sluice_command("plugins --plugin-dir foreign-plugins"), dir_.path());
  ASSERT_EQ(list.status, 0) << list.out << list.err;
  EXPECT_NE(
      list.err.find("refused plugin foreign-plugins/libsqlite3.so: no sluice_plugin_descriptor_v1 symbol"),
      std::string::npos)
      << list.err;
  EXPECT_NE(list.err.find("refused plugin foreign-plugins/notes.so: not an ELF shared object"),
            std::string::npos)
      << list.err;
}

// A config naming a plugin whose file is refused reports that refusal.
TEST_F(SeedPipeline, ARefusedPluginNamedByTheConfigIsReported) {
  const auto foreign = dir_ / "foreign-plugins";
  std::filesystem::create_directories(foreign);
  write_file(foreign / "jsonl.so", "this is not a shared object\n");
  const auto r =
      run_command(sluice_command("validate config/seeds.toml --plugin-dir foreign-plugins"), dir_.path());
  EXPECT_EQ(r.status, 0) << r.err;  // the build's jsonl.so, later in the search path, serves it
  EXPECT_NE(r.err.find("refused plugin foreign-plugins/jsonl.so: not an ELF shared object"),
            std::string::npos)
      << r.err;
}

TEST_F(SeedPipeline, PluginsVerbListsDescribesAndSamples) {
  const auto list = run_command(sluice_command("plugins"), dir_.path());
  ASSERT_EQ(list.status, 0) << list.err;
  for (const char* name : {"files", "seed_text", "jsonl", "sqlite"})
    EXPECT_NE(list.out.find(name), std::string::npos) << name << " missing from\n" << list.out;

  const auto describe = run_command(sluice_command("plugins describe files"), dir_.path());
  ASSERT_EQ(describe.status, 0);
  EXPECT_NE(describe.out.find("path (string), required"), std::string::npos) << describe.out;

  // A sample stage block, completed into a pipeline, validates as written.
  std::string config = "[pipeline.sample]\n";
  for (const char* name : {"files", "seed_text", "jsonl"}) {
    const auto sample = run_command(sluice_command(std::string("plugins sample ") + name), dir_.path());
    ASSERT_EQ(sample.status, 0) << sample.err;
    std::string block = sample.out;
    const std::string from = "pipeline.example.";
    block.replace(block.find(from), from.size(), "pipeline.sample.");
    config += block;
  }
  write_file(dir_ / "sample.toml", config);
  const auto v = run_command(sluice_command("validate sample.toml"), dir_.path());
  EXPECT_EQ(v.status, 0) << config << v.err;
}

TEST_F(SeedPipeline, ExitCodesAndOneLineReasons) {
  const auto missing = run_command(sluice_command("run does-not-exist.toml"), dir_.path());
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("does-not-exist.toml: error: cannot read config file"), std::string::npos)
      << missing.err;

  const auto no_pipeline = run_seeds("--pipeline nope");
  EXPECT_EQ(no_pipeline.status, 2);
  EXPECT_NE(no_pipeline.err.find("no pipeline named 'nope'"), std::string::npos) << no_pipeline.err;

  const auto bad_verb = run_command(sluice_command("frobnicate"), dir_.path());
  EXPECT_EQ(bad_verb.status, 2);

  for (const char* verb : {"run", "validate", "plugins"}) {
    const auto help = run_command(sluice_command(std::string(verb) + " --help"), dir_.path());
    EXPECT_EQ(help.status, 0) << verb;
    EXPECT_NE(help.out.find("usage: sluice " + std::string(verb)), std::string::npos) << help.out;
  }
}

}  // namespace
}  // namespace sluice::testing
