// `sluice serve` with a scripted stage, as a process: a changed script
// takes effect after SIGHUP, and a script that no longer compiles refuses
// the reload (logged with its file:line) while the running one carries on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "serve_process.hpp"

namespace sluice::serve_test {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;
using ::testing::HasSubstr;
using testing::read_lines;
using testing::write_file;

std::string tag_script(const std::string& tag) {
  return "function process(article)\n  article.fields.tag = \"" + tag + "\"\nend\n";
}

class ServeScript : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = free_port();
    write_file(dir_ / "serve.toml",
               "[host]\nstate = \"var/state.db\"\nmetrics_port = " + std::to_string(port_) +
                   "\n\n[pipeline.news]\nschedule = \"every 1s\"\nworkers = 1\n"
                   "\n[[pipeline.news.source]]\nplugin = \"files\"\npath = \"in\"\n"
                   "\n[[pipeline.news.parser]]\nplugin = \"json\"\n"
                   "\n[[pipeline.news.enrich]]\nplugin = \"lua\"\nname = \"tagger\"\nscript = \"tag.lua\"\n"
                   "\n[[pipeline.news.sink]]\nplugin = \"jsonl\"\npath = \"out/news.jsonl\"\n");
  }

  // A new article, appearing whole (hidden name, then renamed into place).
  void add_article(int n) const {
    // Appended piece by piece: GCC 12 misreports `"literal" + string` (PR 105329).
    const std::string number = std::to_string(n);
    std::string name = "a";
    name.append(number).append(".json");
    std::string hidden = ".";
    hidden.append(name);
    std::string json = R"({"title":"Article )";
    json.append(number).append(R"(","body":["Text )").append(number).append(R"("]})");
    write_file(dir_ / "in" / hidden, json);
    fs::rename(dir_ / "in" / hidden, dir_ / "in" / name);
  }

  // The tag of every delivered article, in order.
  std::vector<std::string> tags() const {
    std::vector<std::string> out;
    for (const auto& line : read_lines(dir_ / "out/news.jsonl")) {
      const auto at = line.find(R"("tag":")");
      out.push_back(at == std::string::npos ? "?" : line.substr(at + 7, line.find('"', at + 7) - at - 7));
    }
    return out;
  }

  double reloads(const std::string& result) const {
    const auto text = http_get(port_, "/metrics");
    if (!text) return -1;
    return metric(*text, "sluice_config_reloads_total{result=\"" + result + "\"}").value_or(-1);
  }

  testing::TempDir dir_;
  std::uint16_t port_ = 0;
};

TEST_F(ServeScript, SighupLoadsTheChangedScriptAndABrokenOneKeepsTheOld) {
  write_file(dir_ / "tag.lua", tag_script("v1"));
  add_article(1);
  ServeProcess serve(dir_.path(), "serve.toml");
  ASSERT_TRUE(wait_until([&] { return tags().size() == 1; })) << serve.log();
  EXPECT_EQ(tags()[0], "v1");

  // A script that does not compile: the reload is refused with its line.
  write_file(dir_ / "tag.lua", "function process(article)\n  article.fields.tag = = 2\nend\n");
  serve.signal(SIGHUP);
  ASSERT_TRUE(wait_until([&] { return reloads("failed") == 1; })) << serve.log();
  EXPECT_THAT(serve.log(), HasSubstr("tag.lua:2: unexpected symbol near '='"));
  EXPECT_THAT(serve.log(), HasSubstr("reload refused, the running configuration stays"));
  EXPECT_TRUE(serve.running());

  // Fixed and changed: after SIGHUP, new articles get the new tag.
  write_file(dir_ / "tag.lua", tag_script("v2"));
  serve.signal(SIGHUP);
  ASSERT_TRUE(wait_until([&] { return reloads("ok") == 1; })) << serve.log();
  add_article(2);
  ASSERT_TRUE(wait_until([&] { return tags().size() == 2; })) << serve.log();
  EXPECT_EQ(tags()[1], "v2");

  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
}

}  // namespace
}  // namespace sluice::serve_test
