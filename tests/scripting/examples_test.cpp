// Each config/examples/*.toml runs through the real CLI, as written, on the
// input next to it, and does what its comment says.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using sluice::testing::read_lines;
using sluice::testing::run_command;
using sluice::testing::sluice_command;
using ::testing::HasSubstr;

class Examples : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(SLUICE_SOURCE_DIR) / "config/examples", dir_.path(), fs::copy_options::recursive);
  }

  // Runs the example and returns its output articles (JSONL sinks).
  std::vector<Poco::JSON::Object::Ptr> run(const std::string& name) {
    const auto validate = run_command(sluice_command("validate " + name + ".toml"), dir_.path());
    EXPECT_EQ(validate.status, 0) << validate.out << validate.err;
    last_ = run_command(sluice_command("run " + name + ".toml"), dir_.path());
    EXPECT_EQ(last_.status, 0) << last_.out << last_.err;
    std::vector<Poco::JSON::Object::Ptr> out;
    for (const auto& line : read_lines(dir_.path() / "out" / (name + ".jsonl"))) {
      Poco::JSON::Parser parser;
      out.push_back(parser.parse(line).extract<Poco::JSON::Object::Ptr>());
    }
    return out;
  }

  static std::string field(const Poco::JSON::Object::Ptr& a, const std::string& name) {
    auto fields = a->getObject("fields");
    return fields->has(name) ? fields->getValue<std::string>(name) : std::string("<absent>");
  }

  sluice::testing::TempDir dir_;
  sluice::testing::CommandResult last_;
};

TEST_F(Examples, DropShortDropsArticlesUnderTenWords) {
  const auto articles = run("drop_short");
  ASSERT_EQ(articles.size(), 4u) << last_.out << last_.err;
  for (const auto& a : articles) EXPECT_NE(a->getValue<std::string>("title"), "Rain");
  // Counted as dropped by the lua stage, not failed.
  EXPECT_THAT(last_.out + last_.err, HasSubstr("dropped 1"));
}

TEST_F(Examples, SectionComesFromTheUrlPath) {
  std::map<std::string, std::string> sections;
  for (const auto& a : run("section")) sections[a->getValue<std::string>("title")] = field(a, "section");
  ASSERT_EQ(sections.size(), 5u);
  EXPECT_EQ(sections["Parliament passes the budget after a long night"], "politics");
  EXPECT_EQ(sections["Underdogs win the cup final"], "sport");
  EXPECT_EQ(sections["Die Inflation sinkt den dritten Monat in Folge"], "wirtschaft");
  EXPECT_EQ(sections["Le festival ouvre ses portes avec un film attendu"], "culture");
}

TEST_F(Examples, RenameFieldsRenamesMovesAndRemoves) {
  const auto articles = run("rename_fields");
  ASSERT_EQ(articles.size(), 5u);
  for (const auto& a : articles) {
    EXPECT_EQ(field(a, "category"), "<absent>");
    EXPECT_EQ(field(a, "kicker"), "<absent>");
    EXPECT_EQ(field(a, "internal"), "<absent>");
    if (a->getValue<std::string>("title") == "Underdogs win the cup final") {
      EXPECT_EQ(field(a, "topic"), "sport");
      EXPECT_EQ(a->getValue<std::string>("caption"), "Upset");
    }
  }
}

TEST_F(Examples, RouteLanguageStoresTheDeskInSqlite) {
  const auto r = run_command(sluice_command("run route_language.toml"), dir_.path());
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const auto q = run_command(
      "sqlite3 out/route_language.db \"SELECT json_extract(json, '$.fields.desk') || '|' || language "
      "FROM articles ORDER BY language, title\"",
      dir_.path());
  ASSERT_EQ(q.status, 0) << q.err;
  EXPECT_EQ(q.out, "dach|de\ninternational|en\ninternational|en\ninternational|en\ntranslation|fr\n");
  EXPECT_THAT(r.err, HasSubstr("in 'fr' goes to translation"));  // sluice.log reaches the host log
}

TEST_F(Examples, PipeParserEmitsOneArticlePerLineAndSkipsTheMalformedOne) {
  const auto articles = run("pipe_parser");
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0]->getValue<std::string>("id"), "wire-w-101");
  EXPECT_EQ(articles[0]->getValue<std::string>("published"), "2024-03-14");
  EXPECT_EQ(articles[0]->getArray("body")->size(), 2u);
  EXPECT_EQ(articles[2]->getValue<std::string>("language"), "de");
  EXPECT_THAT(last_.err, HasSubstr("wire.psv:4: not id|date|language|title|body, skipped"));
}

TEST_F(Examples, PipeParserFailsTheDocumentAtTheMalformedLineWhenAskedTo) {
  auto text = sluice::testing::read_file(dir_.path() / "pipe_parser.toml");
  text.replace(text.find("skip_malformed = true"), 21, "skip_malformed = false");
  sluice::testing::write_file(dir_.path() / "pipe_parser.toml", text);
  const auto r = run_command(sluice_command("run pipe_parser.toml"), dir_.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out + r.err, HasSubstr("pipe_parser.lua:34: wire.psv:4: not id|date|language|title|body"));
}

}  // namespace
