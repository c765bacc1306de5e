// `printf ... | sluice run cfg.toml | ...` with the real CLI: the stdin
// source, a parser and the stdout sink, on real pipes.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "piped_process.hpp"
#include "test_support.hpp"

namespace stdout_tests {
namespace {

using namespace std::chrono_literals;
using sluice::testing::read_file;
using sluice::testing::write_file;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Each line parsed by an independent JSON parser; fails the test on any
// line that is not one JSON object.
std::vector<Poco::JSON::Object::Ptr> json_lines(const std::string& text) {
  std::vector<Poco::JSON::Object::Ptr> out;
  for (const auto& line : lines_of(text)) {
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr object;
    try {
      object = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not a JSON object line: " << line.substr(0, 200);
      continue;
    }
    out.push_back(object);
  }
  return out;
}

class Pipe : public ::testing::Test {
 protected:
  // A config: stdin (with `source_extra`) -> `parser` block -> stdout sink
  // (and `more_sinks`).
  void config(const std::string& source_extra, const std::string& parser,
              const std::string& more_sinks = "") {
    write_file(dir_ / "cfg.toml", "[host]\nplugin_dirs = [\"" + std::string(SLUICE_PLUGIN_DIR) +
                                      "\"]\nstate = \"state/sluice.db\"\n\n[pipeline.p]\nworkers = 2\n\n"
                                      "[[pipeline.p.source]]\nplugin = \"stdin\"\n" +
                                      source_extra + "\n[[pipeline.p.parser]]\n" + parser +
                                      "\n[[pipeline.p.sink]]\nplugin = \"stdout\"\n" + more_sinks);
  }
  std::unique_ptr<PipedProcess> start() {
    return std::make_unique<PipedProcess>(std::vector<std::string>{SLUICE_CLI, "run", "cfg.toml"},
                                          dir_.path(), dir_ / "stderr.txt");
  }
  std::string err() const { return read_file(dir_ / "stderr.txt"); }

  sluice::testing::TempDir dir_;
};

TEST_F(Pipe, FormFeedDelimitedDocumentsBecomeOneJsonLineEach) {
  config("", "plugin = \"seed_text\"\nmatch = [\"text/plain\"]\ntitle_from_first_paragraph = true\n");
  auto p = start();
  p->write(" date 2023-07-29 A caption - Agency\n\nFirst story. It rained.\n\f\n");
  p->write(" date 2023-07-30 Another - Agency\n\nSecond story. It snowed.\n\f\n");
  p->write(" date 2023-07-31 Third - Agency\n\nThird story.\n");
  ASSERT_EQ(p->wait(120s), 0) << err();
  const auto objects = json_lines(p->out());
  ASSERT_EQ(objects.size(), 3u) << p->out() << err();
  std::vector<std::string> titles, uris;
  for (const auto& o : objects) {
    titles.push_back(o->getValue<std::string>("title"));
    uris.push_back(o->getValue<std::string>("source_uri"));
  }
  std::sort(titles.begin(), titles.end());
  std::sort(uris.begin(), uris.end());
  EXPECT_EQ(titles, (std::vector<std::string>{"First story", "Second story", "Third story"}));
  EXPECT_EQ(uris, (std::vector<std::string>{"stdin:#1", "stdin:#2", "stdin:#3"}));
  // The run's summary went to stderr, out of the JSON's way.
  EXPECT_NE(err().find("documents"), std::string::npos) << err();
}

TEST_F(Pipe, ACustomDelimiterLine) {
  config("delimiter = \"---\"\n", "plugin = \"seed_text\"\nmatch = [\"text/plain\"]\n");
  auto p = start();
  p->write(" date 2023-01-01 c - d\n\nOne.\n---\n date 2023-01-02 c - d\n\nTwo.\n---\n");
  ASSERT_EQ(p->wait(120s), 0) << err();
  EXPECT_EQ(json_lines(p->out()).size(), 2u) << p->out();
}

#ifdef HAVE_JSON_PARSER
TEST_F(Pipe, JsonLinesThroughTheJsonParser) {
  config("format = \"jsonl\"\n", "plugin = \"json\"\n");
  auto p = start();
  for (int i = 0; i < 4; ++i)
    p->write("{\"title\": \"Story " + std::to_string(i) + "\", \"body\": \"Text of story " +
             std::to_string(i) + ".\", \"published\": \"2024-05-0" + std::to_string(i + 1) + "\"}\n");
  ASSERT_EQ(p->wait(120s), 0) << err();
  const auto objects = json_lines(p->out());
  ASSERT_EQ(objects.size(), 4u) << p->out() << err();
  std::vector<std::string> titles;
  for (const auto& o : objects) {
    titles.push_back(o->getValue<std::string>("title"));
    EXPECT_EQ(o->getValue<std::string>("content_type"), "application/json");
    EXPECT_EQ(o->getValue<std::string>("published").substr(0, 8), "2024-05-");
  }
  std::sort(titles.begin(), titles.end());
  EXPECT_EQ(titles, (std::vector<std::string>{"Story 0", "Story 1", "Story 2", "Story 3"}));
}
#endif

TEST_F(Pipe, StdoutCarriesExactlyTheJsonLinesAndNothingElse) {
  // Bad input too, so warnings and the failure summary are printed.
  config("", "plugin = \"seed_text\"\nmatch = [\"text/plain\"]\nmax_bytes = 200\n");
  auto p = start();
  p->write(" date 2023-07-29 c - d\n\nKept.\n\f\n" + std::string(500, 'x') +
           "\n\f\n date 2023-07-29 c - d\n\nAlso.\n");
  EXPECT_EQ(p->wait(120s), 1) << err();  // one document failed
  const std::string out = p->out();
  const auto lines = lines_of(out);
  EXPECT_EQ(lines.size(), 2u) << out;
  EXPECT_EQ(json_lines(out).size(), 2u);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_NE(err().find("stdin:#2"), std::string::npos) << "the failure is reported on stderr:\n" << err();
}

TEST_F(Pipe, EachArticleArrivesBeforeTheInputEnds) {
  config("", "plugin = \"seed_text\"\nmatch = [\"text/plain\"]\n");
  auto p = start();
  p->write(" date 2023-07-29 c - d\n\nFirst.\n\f\n");
  // The source streams and the sink flushes per batch: the first line shows
  // up while stdin is still open.
  ASSERT_TRUE(p->wait_for_lines(1, 120s)) << p->out() << err();
  p->write(" date 2023-07-29 c - d\n\nSecond.\n");
  ASSERT_EQ(p->wait(120s), 0) << err();
  EXPECT_EQ(json_lines(p->out()).size(), 2u);
}

TEST_F(Pipe, WithoutAStdoutSinkTheSummaryStaysOnStdout) {
  write_file(dir_ / "cfg.toml",
             "[host]\nplugin_dirs = [\"" + std::string(SLUICE_PLUGIN_DIR) +
                 "\"]\nstate = \"state/sluice.db\"\n\n[pipeline.p]\n"
                 "[[pipeline.p.source]]\nplugin = \"stdin\"\n"
                 "[[pipeline.p.parser]]\nplugin = \"seed_text\"\nmatch = [\"text/plain\"]\n"
                 "[[pipeline.p.sink]]\nplugin = \"jsonl\"\npath = \"out/a.jsonl\"\n");
  auto p = start();
  p->write(" date 2023-07-29 c - d\n\nOnly.\n");
  ASSERT_EQ(p->wait(120s), 0) << err();
  EXPECT_NE(p->out().find("documents"), std::string::npos) << p->out();
  EXPECT_EQ(sluice::testing::read_lines(dir_ / "out/a.jsonl").size(), 1u);
}

}  // namespace
}  // namespace stdout_tests
