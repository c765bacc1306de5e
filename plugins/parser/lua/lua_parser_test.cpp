// The `lua_parser` parser through the SDK's stage harness.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sluice/sdk/testing/testing.hpp"

namespace sluice::plugins::lua_parser {
const sluice_plugin_descriptor* descriptor();
}

namespace {

using sluice::sdk::Map;
using sluice::sdk::testing::StageHarness;
using ::testing::HasSubstr;

StageHarness with_source(const std::string& source) {
  return StageHarness(sluice::plugins::lua_parser::descriptor(),
                      {.options = {{"source", source}}, .name = "p"});
}

TEST(LuaParser, ReturnsOneArticleWithDocumentDefaults) {
  auto h = with_source(R"(
    function process(doc)
      return { title = doc.bytes:match("^[^\n]*"), body = { "b" }, fields = { key = doc.key } }
    end)");
  const auto r = h.run_parser("Headline\nrest", "a.txt", "text/plain");
  ASSERT_FALSE(r.failed()) << r.failure;
  ASSERT_EQ(r.articles.size(), 1u);
  const auto& a = r.articles[0];
  EXPECT_EQ(a.title, "Headline");
  EXPECT_EQ(a.content_type, "text/plain");
  EXPECT_FALSE(a.source_uri.empty());
  EXPECT_EQ(a.id.size(), 32u);  // make_article_id(doc.key, article)
  EXPECT_EQ(a.fields.find("key")->as_string(), "a.txt");
}

TEST(LuaParser, EmitsAndReturnsListsOfArticles) {
  auto h = with_source(R"(
    function process(doc)
      local out = {}
      for line in doc.bytes:gmatch("[^\n]+") do
        if line:sub(1, 1) == "!" then sluice.emit({ title = line:sub(2), id = "fixed-" .. line:sub(2) })
        else out[#out + 1] = { title = line } end
      end
      return out
    end)");
  const auto r = h.run_parser("one\n!two\nthree\n", "d.txt", "text/plain");
  ASSERT_FALSE(r.failed()) << r.failure;
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "two");
  EXPECT_EQ(r.articles[0].id, "fixed-two");
  EXPECT_EQ(r.articles[1].title, "one");
  EXPECT_EQ(r.articles[2].title, "three");
  EXPECT_NE(r.articles[1].id, r.articles[2].id);
}

TEST(LuaParser, NilAndDropYieldNoArticles) {
  auto h = with_source("function process(doc) if doc.key == 'x' then sluice.drop('skip') end end");
  EXPECT_TRUE(h.run_parser("a", "x", "text/plain").articles.empty());
  EXPECT_TRUE(h.run_parser("a", "y", "text/plain").articles.empty());
  EXPECT_FALSE(h.run_parser("a", "x", "text/plain").failed());
}

TEST(LuaParser, FailureNamesLineAndDocumentAndDropsPartialOutput) {
  auto h =
      with_source("function process(doc)\n  sluice.emit({ title = 'half' })\n  error('bad line 7')\nend");
  const auto r = h.run_parser("a", "feed.txt", "text/plain");
  EXPECT_THAT(r.failure, HasSubstr("p (inline source):3: bad line 7 (document feed.txt)"));
  EXPECT_TRUE(r.articles.empty());
}

TEST(LuaParser, WrongReturnTypeIsAClearFailure) {
  auto h = with_source("function process(doc) return 42 end");
  EXPECT_THAT(h.run_parser("a", "d", "text/plain").failure, HasSubstr("must return an article table"));
}

}  // namespace
