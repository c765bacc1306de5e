// `sluice search` through the real CLI over what config/seeds.toml stored in
// SQLite: the seed article is found by a name in its body, with the match
// highlighted, and the filters and refusals behave.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sluice::testing {
namespace {

using ::testing::HasSubstr;

class SearchSeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const std::filesystem::path src = SLUICE_SOURCE_DIR;
    std::filesystem::create_directories(*dir_ / "config");
    std::filesystem::copy_file(src / "config/seeds.toml", *dir_ / "config/seeds.toml");
    std::filesystem::copy(src / "seeds", *dir_ / "seeds", std::filesystem::copy_options::recursive);
    const auto run = sluice("run config/seeds.toml --quiet");
    ASSERT_EQ(run.status, 0) << run.err;
    Poco::JSON::Parser parser;
    seed_id_ = new std::string(parser.parse(read_lines(*dir_ / "out/seeds.jsonl").at(0))
                                   .extract<Poco::JSON::Object::Ptr>()
                                   ->getValue<std::string>("id"));
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete seed_id_;
  }
  static CommandResult sluice(const std::string& args) {
    return run_command("SLUICE_PLUGIN_DIR= " + sluice_command(args), dir_->path());
  }
  static TempDir* dir_;
  static std::string* seed_id_;
};
TempDir* SearchSeeds::dir_ = nullptr;
std::string* SearchSeeds::seed_id_ = nullptr;

TEST_F(SearchSeeds, FindsTheSeedWithAHighlightedSnippet) {
  const auto r = sluice("search config/seeds.toml Shoigu");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(*seed_id_ + "  2023-07-29"));
  EXPECT_THAT(r.out, HasSubstr("**Shoigu**"));
  EXPECT_THAT(r.out, HasSubstr("file://"));
  EXPECT_THAT(r.out, HasSubstr("1 match\n"));
}

TEST_F(SearchSeeds, JsonResultsParse) {
  const auto r = sluice("search config/seeds.toml 'Kim AND Pyongyang' --json");
  ASSERT_EQ(r.status, 0) << r.err;
  Poco::JSON::Parser parser;
  const auto hits = parser.parse(r.out).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(hits->size(), 1u) << r.out;
  const auto hit = hits->getObject(0);
  EXPECT_EQ(hit->getValue<std::string>("id"), *seed_id_);
  EXPECT_THAT(hit->getValue<std::string>("snippet"), HasSubstr("**"));
  EXPECT_GT(hit->getValue<double>("score"), 0.0);
}

TEST_F(SearchSeeds, FiltersNarrowTheResults) {
  EXPECT_THAT(sluice("search config/seeds.toml Shoigu --since 2023-07-01").out, HasSubstr("1 match\n"));
  EXPECT_THAT(sluice("search config/seeds.toml Shoigu --since 2024-01-01").out, HasSubstr("0 matches"));
  EXPECT_THAT(sluice("search config/seeds.toml Shoigu --language en").out, HasSubstr("1 match\n"));
  EXPECT_THAT(sluice("search config/seeds.toml Shoigu --language de").out, HasSubstr("0 matches"));
  EXPECT_THAT(sluice("search config/seeds.toml Pyongyang --entity 'Sergei Shoigu'").out,
              HasSubstr("1 match\n"));
  EXPECT_THAT(sluice("search config/seeds.toml Pyongyang --entity 'Nobody Here'").out,
              HasSubstr("0 matches"));
  EXPECT_EQ(sluice("search config/seeds.toml Shoigu --since July").status, 2);
}

TEST_F(SearchSeeds, ASinkThatCannotBeSearchedIsRefused) {
  const auto r = sluice("search config/seeds.toml Shoigu --sink jsonl");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("sink 'jsonl' (plugin jsonl) cannot be searched; sinks that can: sqlite"));
  const auto typo = sluice("search config/seeds.toml Shoigu --pipeline sedes");
  EXPECT_EQ(typo.status, 2);
  EXPECT_THAT(typo.err, HasSubstr("did you mean 'seeds'?"));
}

TEST_F(SearchSeeds, AQuerySQLiteCannotParseSaysSo) {
  const auto r = sluice("search config/seeds.toml 'AND OR'");
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.err, HasSubstr("search for \"AND OR\" failed"));
}

}  // namespace
}  // namespace sluice::testing
