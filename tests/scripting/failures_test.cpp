// The done-when failures of scripted stages through the real CLI: an
// endless loop, an allocation bomb, os.execute and io.open each fail only
// their article, with the script's file:line and the article id, while the
// other articles are delivered; a syntax error is a config error at
// `validate` (and `run`) with file:line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using sluice::testing::read_lines;
using sluice::testing::run_command;
using sluice::testing::sluice_command;
using sluice::testing::write_file;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kArticles = R"({"id":"loop","title":"loop","body":["an endless loop"]})"
                                  "\n"
                                  R"({"id":"bomb","title":"bomb","body":["an allocation bomb"]})"
                                  "\n"
                                  R"({"id":"exec","title":"exec","body":["os.execute"]})"
                                  "\n"
                                  R"({"id":"open","title":"open","body":["io.open"]})"
                                  "\n"
                                  R"({"id":"fine","title":"fine","body":["a good article"]})"
                                  "\n";

constexpr const char* kScript = R"(function process(article)
  if article.title == "loop" then
    while true do end
  elseif article.title == "bomb" then
    local t = {}
    while true do t[#t + 1] = string.rep("x", 65536) .. #t end
  elseif article.title == "exec" then
    os.execute("touch executed")
  elseif article.title == "open" then
    io.open("/etc/passwd")
  end
  article.fields.ok = true
end
)";

std::string config(const std::string& script) {
  return "[host]\nstate = \"var/state.db\"\n\n[pipeline.p]\n"
         "[[pipeline.p.source]]\nplugin = \"files\"\npath = \"in\"\n\n"
         "[[pipeline.p.parser]]\nplugin = \"json\"\n\n"
         "[[pipeline.p.enrich]]\nplugin = \"lua\"\nname = \"script\"\nscript = \"" +
         script +
         "\"\nmemory_limit = \"8MiB\"\ninstruction_limit = 1000000\n\n"
         "[[pipeline.p.sink]]\nplugin = \"jsonl\"\npath = \"out/p.jsonl\"\n";
}

class ScriptFailures : public ::testing::Test {
 protected:
  void SetUp() override { write_file(dir_ / "in/articles.jsonl", kArticles); }
  sluice::testing::TempDir dir_;
};

TEST_F(ScriptFailures, EachFailsItsArticleWithFileLineAndIdWhileTheRestIsDelivered) {
  write_file(dir_ / "scripts/bad.lua", kScript);
  write_file(dir_ / "p.toml", config("scripts/bad.lua"));
  const auto r = run_command(sluice_command("run p.toml"), dir_.path());
  EXPECT_EQ(r.status, 1) << r.out << r.err;  // a run in which something failed
  const std::string all = r.out + r.err;
  EXPECT_THAT(all, HasSubstr("scripts/bad.lua:3: instruction budget of 1000000 exceeded"));
  EXPECT_THAT(all, HasSubstr("scripts/bad.lua:6: memory_limit of 8 MiB exceeded"));
  EXPECT_THAT(all, HasSubstr("scripts/bad.lua:8: os.execute is not available in sluice scripts"));
  EXPECT_THAT(all, HasSubstr("scripts/bad.lua:10: io is not available in sluice scripts"));
  EXPECT_FALSE(fs::exists(dir_ / "executed"));

  // Each failure names its article; the good one is delivered.
  const auto delivered = read_lines(dir_ / "out/p.jsonl");
  ASSERT_EQ(delivered.size(), 1u) << all;
  EXPECT_THAT(delivered[0], HasSubstr(R"("title":"fine")"));
  EXPECT_THAT(delivered[0], HasSubstr(R"("ok":true)"));

  // The dead-letter store holds the four, with the same located errors.
  const auto dlq = run_command(sluice_command("dlq list --config p.toml"), dir_.path());
  EXPECT_THAT(dlq.out, HasSubstr("4 dead letters"));
  EXPECT_THAT(dlq.out, HasSubstr("scripts/bad.lua:3:"));
  EXPECT_THAT(dlq.out, Not(HasSubstr("fine")));
}

TEST_F(ScriptFailures, EveryFailureNamesTheArticleId) {
  write_file(dir_ / "bad.lua", kScript);
  write_file(dir_ / "p.toml", config("bad.lua"));
  const auto r = run_command(sluice_command("run p.toml"), dir_.path());
  // "failed: stage 'script' on ID: bad.lua:N: ... (article ID)", four times.
  std::size_t located = 0;
  for (std::size_t at = 0; (at = r.out.find("failed: stage 'script' on ", at)) != std::string::npos; ++at) {
    const auto id = r.out.substr(at + 26, 32);
    const auto end = r.out.find('\n', at);
    EXPECT_THAT(r.out.substr(at, end - at), HasSubstr("(article " + id + ")"));
    ++located;
  }
  EXPECT_EQ(located, 4u) << r.out;
}

TEST_F(ScriptFailures, SyntaxErrorIsAConfigErrorAtValidateAndRun) {
  write_file(dir_ / "broken.lua", "function process(article)\n  article.title = = 1\nend\n");
  write_file(dir_ / "p.toml", config("broken.lua"));
  const auto v = run_command(sluice_command("validate p.toml"), dir_.path());
  EXPECT_EQ(v.status, 2);
  EXPECT_THAT(v.err, HasSubstr("p.toml:12:1: error: stage 'script' (plugin lua)"));
  EXPECT_THAT(v.err, HasSubstr("broken.lua:2: unexpected symbol near '='"));
  const auto r = run_command(sluice_command("run p.toml"), dir_.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("broken.lua:2: unexpected symbol near '='"));
  EXPECT_FALSE(fs::exists(dir_ / "out/p.jsonl"));
}

TEST_F(ScriptFailures, MissingScriptFileIsAConfigError) {
  write_file(dir_ / "p.toml", config("nowhere.lua"));
  const auto v = run_command(sluice_command("validate p.toml"), dir_.path());
  EXPECT_EQ(v.status, 2);
  EXPECT_THAT(v.err, HasSubstr("cannot read script"));
  EXPECT_THAT(v.err, HasSubstr("nowhere.lua"));
}

}  // namespace
