// `sluice serve` as a process: the real CLI and plugins, a 1-second
// schedule, a loopback /metrics, signals. Every wait polls with a deadline.
#include "serve_process.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sluice::serve_test {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;
using ::testing::HasSubstr;
using testing::read_lines;
using testing::write_file;

const fs::path kSource = SLUICE_SOURCE_DIR;

class Serve : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(kSource / "seeds", dir_ / "in", fs::copy_options::recursive);
    port_ = free_port();
  }

  // Line 7 is `workers`; the reload test misspells it.
  std::string config(const std::string& pipeline_extra = "", const std::string& more = "") const {
    return "[host]\nstate = \"var/state.db\"\nmetrics_port = " + std::to_string(port_) +
           "\n\n[pipeline.news]\nschedule = \"every 1s\"\nworkers = 1\n" + pipeline_extra +
           "\n[[pipeline.news.source]]\nplugin = \"files\"\npath = \"in\"\ninclude = [\"*.txt\"]\n"
           "\n[[pipeline.news.parser]]\nplugin = \"seed_text\"\n"
           "\n[[pipeline.news.sink]]\nplugin = \"jsonl\"\npath = \"out/news.jsonl\"\n" +
           more;
  }
  void write_config(const std::string& text) const { write_file(dir_ / "serve.toml", text); }

  // A new article in the seed format, appearing whole: written under a
  // hidden name (the files source skips those) and renamed into place.
  void drop_article(int n) const {
    const std::string name = "new_" + std::to_string(n) + ".txt";
    write_file(dir_ / "in" / ("." + name),
               " date 2024-01-15 Photo number " + std::to_string(n) + " of the test - Test Credit\n\n" +
                   "Paragraph one of article " + std::to_string(n) + ".\n\nParagraph two.\n");
    fs::rename(dir_ / "in" / ("." + name), dir_ / "in" / name);
  }

  std::size_t lines(const std::string& file = "out/news.jsonl") const {
    return read_lines(dir_ / file).size();
  }

  // Article ids in a JSONL file; a duplicate shows as a smaller set.
  std::set<std::string> ids(const std::string& file = "out/news.jsonl") const {
    std::set<std::string> out;
    for (const auto& line : read_lines(dir_ / file)) {
      Poco::JSON::Parser parser;
      out.insert(parser.parse(line).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("id"));
    }
    return out;
  }

  std::string metrics() const { return http_get(port_, "/metrics").value_or(""); }
  double runs_ok(const std::string& pipeline = "news") const {
    return metric(metrics(), "sluice_pipeline_runs_total{pipeline=\"" + pipeline + "\",status=\"ok\"}")
        .value_or(-1);
  }

  testing::TempDir dir_;
  std::uint16_t port_ = 0;
};

TEST_F(Serve, NewFilesArriveOnTheNextRunAndOldOnesAreNotDeliveredAgain) {
  write_config(config());
  ServeProcess serve(dir_.path(), "serve.toml");
  ASSERT_TRUE(wait_until([&] { return lines() == 1; })) << serve.log();
  // Runs with nothing new leave the seed delivered once.
  ASSERT_TRUE(wait_until([&] { return runs_ok() >= 3; })) << serve.log();
  EXPECT_EQ(lines(), 1u);

  for (int n = 1; n <= 3; ++n) drop_article(n);
  ASSERT_TRUE(wait_until([&] { return lines() == 4; })) << serve.log();
  const double before = runs_ok();
  ASSERT_TRUE(wait_until([&] { return runs_ok() >= before + 2; })) << serve.log();
  EXPECT_EQ(lines(), 4u);
  EXPECT_EQ(ids().size(), 4u);

  // /metrics counts the runs and what they delivered; /healthz answers.
  const auto text = metrics();
  EXPECT_GE(metric(text, "sluice_pipeline_runs_total{pipeline=\"news\",status=\"ok\"}").value_or(0), 5);
  EXPECT_EQ(metric(text, "sluice_pipeline_articles_total{pipeline=\"news\"}"), 4);
  EXPECT_EQ(
      metric(text,
             "sluice_stage_out_total{pipeline=\"news\",stage=\"jsonl\",plugin=\"jsonl\",kind=\"sink\"}"),
      4);
  EXPECT_EQ(metric(text, "sluice_pipeline_last_run_status{pipeline=\"news\",status=\"ok\"}"), 1);
  EXPECT_TRUE(metric(text, "sluice_pipeline_next_run_timestamp_seconds{pipeline=\"news\"}").has_value());
  int status = 0;
  EXPECT_EQ(http_get(port_, "/healthz", &status), "ok\n");
  EXPECT_EQ(status, 200);

  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
  // Every counted run is in the history too.
  const auto history =
      testing::run_command(testing::sluice_command("history --state var/state.db --limit 1000"), dir_.path());
  std::size_t recorded = 0;
  for (std::size_t at = 0; (at = history.out.find(" news ", at)) != std::string::npos; ++at) ++recorded;
  EXPECT_GE(static_cast<double>(recorded), before + 2) << history.out;
}

TEST_F(Serve, ABrokenReloadIsLoggedAndIgnoredAndAFixedOneTakesEffect) {
  write_config(config());
  ServeProcess serve(dir_.path(), "serve.toml");
  ASSERT_TRUE(wait_until([&] { return lines() == 1; })) << serve.log();

  auto broken = config();
  broken.replace(broken.find("workers = 1"), 7, "wrokers");
  write_config(broken);
  serve.signal(SIGHUP);
  ASSERT_TRUE(wait_until([&] {
    return serve.log().find(
               "serve.toml:7:1: error: unknown key 'wrokers' in [pipeline.news]; did you mean "
               "'workers'?") != std::string::npos;
  })) << serve.log();
  ASSERT_TRUE(
      wait_until([&] { return metric(metrics(), "sluice_config_reloads_total{result=\"failed\"}") == 1; }));
  EXPECT_TRUE(serve.running());
  const double before = runs_ok();
  ASSERT_TRUE(wait_until([&] { return runs_ok() >= before + 2; })) << serve.log();  // the old config runs on

  // The fix adds a pipeline: it has state of its own, so it delivers the seed too.
  write_config(config("",
                      "\n[pipeline.extra]\nschedule = \"once\"\n"
                      "[[pipeline.extra.source]]\nplugin = \"files\"\npath = \"in\"\n"
                      "[[pipeline.extra.parser]]\nplugin = \"seed_text\"\n"
                      "[[pipeline.extra.sink]]\nplugin = \"jsonl\"\npath = \"out/extra.jsonl\"\n"));
  serve.signal(SIGHUP);
  ASSERT_TRUE(wait_until([&] { return lines("out/extra.jsonl") == 1; })) << serve.log();
  ASSERT_TRUE(wait_until([&] { return runs_ok("extra") == 1; })) << serve.log();
  const auto text = metrics();
  EXPECT_EQ(metric(text, "sluice_config_reloads_total{result=\"ok\"}"), 1);
  EXPECT_EQ(metric(text, "sluice_config_last_reload_successful"), 1);
  EXPECT_EQ(lines(), 1u);

  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
}

// A config that would crash the TOML parser (a table header of 50,000
// dotted parts overflows its stack) is refused by the bounds checked before
// parsing: the reload fails, serve keeps running the old config.
TEST_F(Serve, AHostileReloadIsRefusedAndServeKeepsRunning) {
  write_config(config());
  ServeProcess serve(dir_.path(), "serve.toml");
  ASSERT_TRUE(wait_until([&] { return lines() == 1; })) << serve.log();

  std::string hostile = "[a";
  for (int i = 0; i < 50'000; ++i) hostile += ".a";
  const std::string good = config();
  write_config(good + "\n" + hostile + "]\nx = 1\n");
  const auto header_line = std::count(good.begin(), good.end(), '\n') + 2;  // after one blank line
  serve.signal(SIGHUP);
  // The 16th dot makes the 17th part: column 1 + 2 * 16.
  ASSERT_TRUE(wait_until([&] {
    return serve.log().find("serve.toml:" + std::to_string(header_line) +
                            ":33: error: key has more than 16 dotted parts") != std::string::npos;
  })) << serve.log();
  ASSERT_TRUE(
      wait_until([&] { return metric(metrics(), "sluice_config_reloads_total{result=\"failed\"}") == 1; }));
  EXPECT_TRUE(serve.running());
  int status = 0;
  EXPECT_EQ(http_get(port_, "/healthz", &status), "ok\n");
  const double before = runs_ok();
  ASSERT_TRUE(wait_until([&] { return runs_ok() >= before + 2; })) << serve.log();  // the old config runs on

  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
}

TEST_F(Serve, SigtermLetsTheRunInFlightCommitAndLosesNothing) {
  constexpr int kArticles = 300;
  for (int n = 1; n <= kArticles; ++n) drop_article(n);
  // One article per durable sink write: a run long enough to be cut short.
  write_config(config("batch_size = 1\n"));
  ServeProcess serve(dir_.path(), "serve.toml");
  ASSERT_TRUE(wait_until([&] { return lines() >= 1; })) << serve.log();
  serve.signal(SIGTERM);
  ASSERT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
  const auto delivered = lines();
  EXPECT_EQ(ids().size(), delivered);  // what was acknowledged, exactly once

  // A one-shot run picks up exactly what the stopped one left.
  const auto rest = testing::run_command(testing::sluice_command("run serve.toml --quiet --plugin-dir " +
                                                                 testing::shell_quote(SLUICE_PLUGIN_DIR)),
                                         dir_.path());
  ASSERT_EQ(rest.status, 0) << rest.err;
  EXPECT_EQ(lines(), static_cast<std::size_t>(kArticles + 1));
  EXPECT_EQ(ids().size(), static_cast<std::size_t>(kArticles + 1));
}

TEST_F(Serve, ARestartCatchesUpOnceAndRemembersWhatWasDelivered) {
  write_config(config());
  {
    ServeProcess serve(dir_.path(), "serve.toml");
    ASSERT_TRUE(wait_until([&] { return lines() == 1 && runs_ok() >= 1; })) << serve.log();
    serve.signal(SIGTERM);
    ASSERT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // downtime across a 1-second slot
  drop_article(1);
  ServeProcess serve(dir_.path(), "serve.toml");
  ASSERT_TRUE(wait_until([&] { return serve.log().find("catching up") != std::string::npos; }))
      << serve.log();
  ASSERT_TRUE(wait_until([&] { return lines() == 2; })) << serve.log();
  ASSERT_TRUE(wait_until([&] { return runs_ok() >= 2; })) << serve.log();
  EXPECT_EQ(lines(), 2u);  // the seed was not delivered again after the restart
  serve.signal(SIGINT);
  EXPECT_EQ(serve.wait_exit(seconds(20)), 0) << serve.log();
}

TEST_F(Serve, AnInvalidConfigAtStartIsRefusedWithItsPosition) {
  write_config(config("overlap = \"sometimes\"\n"));
  const auto r = testing::run_command(testing::sluice_command("serve serve.toml"), dir_.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("serve.toml:8:11: error: overlap must be \"skip\""));
}

}  // namespace
}  // namespace sluice::serve_test
