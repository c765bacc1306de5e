// The `lua` enricher through the SDK's stage harness: the article bridge,
// the helpers, the sandbox and the limits, each failure located.
#include "lua_enricher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sluice/sdk/testing/options.hpp"
#include "sluice/sdk/testing/testing.hpp"

namespace sluice::plugins::lua {
const sluice_plugin_descriptor* descriptor();
}

namespace {

using sluice::sdk::Map;
using sluice::sdk::testing::make_article;
using sluice::sdk::testing::StageHarness;
using ::testing::HasSubstr;

StageHarness with_source(const std::string& source, Map extra = {}) {
  extra["source"] = source;
  return StageHarness(sluice::plugins::lua::descriptor(), {.options = extra, .name = "script"});
}

TEST(LuaEnricher, ReadsAndWritesCoreFieldsAndFields) {
  auto h = with_source(R"(
    function process(a)
      a.title = a.title:upper()
      a.fields.words = #a.body
      a.fields.tags = {"x", "y"}
      a.fields.nested = { n = 1.5, ok = true }
      table.insert(a.body, "added")
      a.authors = "One Author"
    end)");
  const auto r = h.run_enricher(make_article("Hello world", {"one", "two"}));
  ASSERT_FALSE(r.failed()) << r.failure;
  EXPECT_EQ(r.article.title, "HELLO WORLD");
  EXPECT_EQ(r.article.body, (std::vector<std::string>{"one", "two", "added"}));
  EXPECT_EQ(r.article.authors, std::vector<std::string>{"One Author"});
  EXPECT_EQ(r.article.fields.find("words")->as_int(), 2);
  EXPECT_EQ(r.article.fields.find("tags")->as_list().size(), 2u);
  EXPECT_EQ(r.article.fields.find("nested")->find("n")->as_double(), 1.5);
  EXPECT_TRUE(r.article.fields.find("nested")->find("ok")->as_bool());
}

TEST(LuaEnricher, LazyFieldsAreKeptUntouchedClearedOnAssignmentAndNotLoadedFromAnOldTable) {
  auto h = with_source(R"(
    local previous
    function process(a)
      if a.title == "clear" then a.body = nil end
      if a.title == "old" then a.fields.old_body = tostring(previous.body) end
      previous = a
    end)");
  auto kept = h.run_enricher(make_article("keep", {"one", "two"}));
  ASSERT_FALSE(kept.failed()) << kept.failure;
  EXPECT_EQ(kept.article.body.size(), 2u);
  auto cleared = h.run_enricher(make_article("clear", {"one"}));
  EXPECT_TRUE(cleared.article.body.empty());
  // A table kept from the previous call no longer loads that article's body.
  auto old = h.run_enricher(make_article("old", {"x"}));
  ASSERT_FALSE(old.failed()) << old.failure;
  EXPECT_EQ(old.article.fields.find("old_body")->as_string(), "nil");
}

TEST(LuaEnricher, ParamsReachInitAndTheScript) {
  auto h = with_source(R"(
    local seen
    function init(p) seen = p.label .. "!" end
    function process(a) a.fields.label = seen; a.fields.n = sluice.params.n end)",
                       {{"params", Map{{"label", "hi"}, {"n", 3}}}});
  const auto r = h.run_enricher(make_article("t", {"b"}));
  ASSERT_FALSE(r.failed()) << r.failure;
  EXPECT_EQ(r.article.fields.find("label")->as_string(), "hi!");
  EXPECT_EQ(r.article.fields.find("n")->as_int(), 3);
}

TEST(LuaEnricher, DropIsNotAFailure) {
  auto h = with_source("function process(a) sluice.drop('too short') end");
  const auto r = h.run_enricher(make_article("t", {"b"}));
  EXPECT_THAT(r.failure, HasSubstr("too short"));
}

TEST(LuaEnricher, FailNamesLineAndArticle) {
  auto h = with_source("function process(a)\n  sluice.fail('no date')\nend");
  auto a = make_article("t", {"b"});
  const auto r = h.run_enricher(a);
  EXPECT_THAT(r.failure, HasSubstr("script (inline source):2: no date"));
  EXPECT_THAT(r.failure, HasSubstr("(article " + a.id + ")"));
}

TEST(LuaEnricher, EndlessLoopFailsTheCallOnly) {
  auto h = with_source(
      "function process(a)\n  if a.title == 'loop' then\n    while true do end\n  end\n  a.fields.ok = "
      "true\nend",
      {{"instruction_limit", 100000}});
  const auto bad = h.run_enricher(make_article("loop", {"b"}));
  EXPECT_THAT(bad.failure, HasSubstr(":3: instruction budget of 100000 exceeded"));
  const auto good = h.run_enricher(make_article("fine", {"b"}));
  ASSERT_FALSE(good.failed()) << good.failure;
  EXPECT_TRUE(good.article.fields.find("ok")->as_bool());
}

TEST(LuaEnricher, TimeoutEndsALongCall) {
  auto h = with_source("function process(a)\n  while true do end\nend",
                       {{"timeout", 50}, {"instruction_limit", std::int64_t{1} << 60}});
  const auto r = h.run_enricher(make_article("t", {"b"}));
  EXPECT_THAT(r.failure, HasSubstr(":2: timeout of 50 ms exceeded"));
}

TEST(LuaEnricher, PcallCannotSwallowTheBudget) {
  auto h =
      with_source("function process(a)\n  while true do pcall(function() while true do end end) end\nend",
                  {{"instruction_limit", 100000}});
  EXPECT_THAT(h.run_enricher(make_article("t", {"b"})).failure, HasSubstr("exceeded"));
}

TEST(LuaEnricher, AllocationBombHitsTheMemoryLimitWithItsLine) {
  auto h = with_source(
      "function process(a)\n  local t = {}\n  while true do\n    t[#t + 1] = string.rep('x', 4096) .. #t\n  "
      "end\nend",
      {{"memory_limit", 4 << 20}});
  const auto r = h.run_enricher(make_article("t", {"b"}));
  EXPECT_THAT(r.failure, HasSubstr("memory_limit of 4 MiB exceeded"));
  EXPECT_THAT(r.failure, HasSubstr("script (inline source):4"));
  // The state recovers: the next article is fine.
  auto h2 = with_source("function process(a) a.fields.ok = true end", {{"memory_limit", 4 << 20}});
  EXPECT_FALSE(h2.run_enricher(make_article("t", {"b"})).failed());
}

TEST(LuaEnricher, OneHugeAllocationNamesTheScriptAndItsSize) {
  auto h = with_source("function process(a)\n  a.fields.x = string.rep('x', 100000000)\nend",
                       {{"memory_limit", 4 << 20}});
  const auto r = h.run_enricher(make_article("t", {"b"}));
  EXPECT_THAT(r.failure,
              HasSubstr("script (inline source): memory_limit of 4 MiB exceeded (an allocation of"));
}

TEST(LuaEnricher, SandboxHasNoIoOsExecuteRequireOrBytecode) {
  for (const char* body :
       {"io.open('/etc/passwd')", "os.execute('true')", "require('os')", "load(string.dump(function() end))",
        "debug.getinfo(1)", "dofile('/dev/null')", "package.loadlib('x', 'y')"}) {
    auto h = with_source(std::string("function process(a)\n  ") + body + "\nend");
    const auto r = h.run_enricher(make_article("t", {"b"}));
    EXPECT_THAT(r.failure, HasSubstr("script (inline source):2:")) << body;
  }
  auto h = with_source("function process(a) a.fields.r = tostring(load('\\27Lua', 'x', 'b')) end");
  EXPECT_THAT(h.run_enricher(make_article("t", {"b"})).failure, HasSubstr("only text chunks"));
}

TEST(LuaEnricher, SyntaxErrorIsAConstructionErrorWithLine) {
  try {
    with_source("function process(a)\n  a.title = = 1\nend");
    FAIL() << "constructed";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("script (inline source):2:"));
  }
}

TEST(LuaEnricher, MissingEntryFunctionIsAConstructionError) {
  try {
    with_source("function other(a) end");
    FAIL() << "constructed";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("no function 'process'"));
  }
}

TEST(LuaEnricher, ScriptFileResolvesAgainstBaseDir) {
  const auto dir = std::filesystem::temp_directory_path() / "sluice_lua_enricher_test";
  std::filesystem::create_directories(dir / "scripts");
  std::ofstream(dir / "scripts" / "t.lua") << "function process(a)\n  a.fields.x = nil + 1\nend\n";
  StageHarness h(sluice::plugins::lua::descriptor(),
                 {.options = {{"script", "scripts/t.lua"}}, .base_dir = dir.string()});
  EXPECT_THAT(h.run_enricher(make_article("t", {"b"})).failure,
              HasSubstr("scripts/t.lua:2: attempt to perform arithmetic"));
  std::filesystem::remove_all(dir);
}

TEST(LuaEnricher, RegexAndJsonHelpers) {
  auto h = with_source(R"(
    function process(a)
      a.fields.has = sluice.re.test(a.title, [[\bminister\b]], "i")
      a.fields.year = sluice.re.match(a.body[1], [[(\d{4})]])
      a.fields.words = sluice.re.all(a.body[1], [[\w+]])
      a.fields.clean = sluice.re.gsub(a.body[1], [[\s+]], " ")
      local first, last = sluice.re.find(a.body[1], "in")
      a.fields.at = first
      local v = sluice.json.decode('{"a":[1,2,null],"b":"x"}')
      a.fields.json = sluice.json.encode(v)
      a.fields.b = v.b
    end)");
  const auto r = h.run_enricher(make_article("The Minister spoke", {"Born in  2019 here"}));
  ASSERT_FALSE(r.failed()) << r.failure;
  const auto& f = r.article.fields;
  EXPECT_TRUE(f.find("has")->as_bool());
  EXPECT_EQ(f.find("year")->as_string(), "2019");
  EXPECT_EQ(f.find("words")->as_list().size(), 4u);
  EXPECT_EQ(f.find("clean")->as_string(), "Born in 2019 here");
  EXPECT_EQ(f.find("at")->as_int(), 6);
  EXPECT_EQ(f.find("json")->as_string(), R"({"a":[1,2,null],"b":"x"})");
  EXPECT_EQ(f.find("b")->as_string(), "x");
}

TEST(LuaEnricher, WrongTypeOnWriteBackNamesTheField) {
  auto h = with_source("function process(a) a.title = {} end");
  EXPECT_THAT(h.run_enricher(make_article("t", {"b"})).failure, HasSubstr("article.title must be a string"));
}

sluice::sdk::StageInit init_with_source(const std::string& source) {
  sluice::sdk::StageInit init;
  init.name = "script";
  init.options =
      sluice::sdk::testing::make_options(*sluice::plugins::lua::descriptor(), {{"source", source}});
  return init;
}

TEST(LuaEnricher, ContractHeaderIsParsedForTheFutureSdkHook) {
  sluice::plugins::lua::LuaEnricher stage(init_with_source(
      "contract = { reads = { 'title', 'body' }, writes = { 'fields.topic' } }\nfunction process(a) end"));
  EXPECT_TRUE(stage.contract().declared);
  EXPECT_EQ(stage.contract().reads, (std::vector<std::string>{"title", "body"}));
  EXPECT_EQ(stage.contract().writes, std::vector<std::string>{"fields.topic"});
  sluice::plugins::lua::LuaEnricher none(init_with_source("function process(a) end"));
  EXPECT_FALSE(none.contract().declared);
  try {
    sluice::plugins::lua::LuaEnricher bad(
        init_with_source("contract = { reads = { 1 } }\nfunction process(a) end"));
    FAIL() << "constructed";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("script (inline source): contract.reads[1] must be a field name"));
  }
}

TEST(LuaEnricher, EmitIsForParsers) {
  auto h = with_source("function process(a) sluice.emit({}) end");
  EXPECT_THAT(h.run_enricher(make_article("t", {"b"})).failure, HasSubstr("sluice.emit() is for lua_parser"));
}

}  // namespace
