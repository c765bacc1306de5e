// The schedule keys of a pipeline and the metrics keys of [host], read from
// TOML: values, defaults, and errors that name file:line:col.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sluice/host/host.hpp"

namespace sluice::serve_test {
namespace {

using ::testing::HasSubstr;

// A pipeline with the real built-in plugins, after `head` lines of its own.
std::string pipeline(const std::string& head) {
  return "[pipeline.p]\n" + head +
         "\n[[pipeline.p.source]]\nplugin = \"files\"\npath = \".\"\n"
         "[[pipeline.p.parser]]\nplugin = \"seed_text\"\n"
         "[[pipeline.p.sink]]\nplugin = \"jsonl\"\npath = \"out.jsonl\"\n";
}

class ScheduleConfig : public ::testing::Test {
 protected:
  ScheduleConfig() {
    host_.use_default_plugin_dir(false);
    host_.add_plugin_dir(SLUICE_PLUGIN_DIR);
  }
  host::Config load(const std::string& text) { return host_.load_config_string(text, "serve.toml"); }
  std::string error(const std::string& text) {
    try {
      load(text);
    } catch (const host::ConfigErrors& e) {
      return e.what();
    }
    return "(no error)";
  }
  host::Host host_;
};

TEST_F(ScheduleConfig, Defaults) {
  const auto c = load(pipeline(""));
  const auto& s = c.pipelines.at(0).schedule;
  EXPECT_EQ(s.kind, host::Schedule::Kind::once);
  EXPECT_EQ(s, "once");
  EXPECT_EQ(s.timezone, "");
  EXPECT_EQ(s.jitter.count(), 0);
  EXPECT_EQ(s.overlap, host::Schedule::Overlap::skip);
  EXPECT_TRUE(s.catch_up);
  EXPECT_EQ(c.host.metrics_address, "127.0.0.1");
  EXPECT_EQ(c.host.metrics_port, 9464);
}

TEST_F(ScheduleConfig, EveryKeySet) {
  const auto c = load("[host]\nmetrics_address = \"0.0.0.0\"\nmetrics_port = 0\n" +
                      pipeline("schedule = \"cron 30 2 * * MON-FRI\"\ntimezone = \"Europe/Berlin\"\n"
                               "jitter = \"90s\"\noverlap = \"queue\"\ncatch_up = false\n"));
  const auto& s = c.pipelines.at(0).schedule;
  EXPECT_EQ(s.kind, host::Schedule::Kind::cron);
  EXPECT_EQ(s.text, "cron 30 2 * * MON-FRI");
  EXPECT_TRUE(s.cron.minutes[30]);
  EXPECT_EQ(s.timezone, "Europe/Berlin");
  EXPECT_EQ(s.jitter, std::chrono::seconds(90));
  EXPECT_EQ(s.overlap, host::Schedule::Overlap::queue);
  EXPECT_FALSE(s.catch_up);
  EXPECT_EQ(c.host.metrics_address, "0.0.0.0");
  EXPECT_EQ(c.host.metrics_port, 0);
}

TEST_F(ScheduleConfig, IntervalsKeepTheirText) {
  const auto c = load(pipeline("schedule = \"every 1h30m\""));
  EXPECT_EQ(c.pipelines.at(0).schedule.interval, std::chrono::minutes(90));
  EXPECT_EQ(c.pipelines.at(0).schedule, "every 1h30m");
}

// What people paste from crontab(5): five fields without the "cron " prefix.
TEST_F(ScheduleConfig, BareFiveFieldCronIsAccepted) {
  const auto c = load(pipeline("schedule = \"*/15 * * * *\""));
  const auto& s = c.pipelines.at(0).schedule;
  EXPECT_EQ(s.kind, host::Schedule::Kind::cron);
  EXPECT_TRUE(s.cron.minutes[45]);
  EXPECT_FALSE(s.cron.minutes[44]);
  EXPECT_EQ(error(pipeline("schedule = \"0 0 * 13 *\"")),
            "serve.toml:2:12: error: schedule \"0 0 * 13 *\": month field: 13 is out of range 1-12");
  EXPECT_THAT(error(pipeline("schedule = \"hourly\"")),
              HasSubstr("is not \"once\", \"every <duration>\", a cron expression"));
}

TEST_F(ScheduleConfig, CronErrorsNameTheField) {
  EXPECT_EQ(error(pipeline("schedule = \"cron 0 0 * 13 *\"")),
            "serve.toml:2:12: error: schedule \"cron 0 0 * 13 *\": month field: 13 is out of range 1-12");
  EXPECT_EQ(error(pipeline("schedule = \"cron 0 0 30 2 *\"")),
            "serve.toml:2:12: error: schedule \"cron 0 0 30 2 *\": it never fires: no selected month has the "
            "selected day of the month");
}

TEST_F(ScheduleConfig, UnknownTimeZoneSuggestsOne) {
  EXPECT_EQ(
      error(pipeline("schedule = \"cron 0 3 * * *\"\ntimezone = \"Europe/Berln\"")),
      "serve.toml:3:12: error: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'? (names are "
      "those in /usr/share/zoneinfo)");
}

TEST_F(ScheduleConfig, TimeZoneIsForCronOnly) {
  EXPECT_EQ(error(pipeline("schedule = \"every 5m\"\ntimezone = \"UTC\"")),
            "serve.toml:3:12: error: timezone applies to cron schedules only, not to \"every 5m\"");
}

TEST_F(ScheduleConfig, JitterMustBeShorterThanTheInterval) {
  EXPECT_EQ(error(pipeline("schedule = \"every 1m\"\njitter = \"1m\"")),
            "serve.toml:3:10: error: jitter must be shorter than the interval of \"every 1m\"");
  EXPECT_THAT(error(pipeline("jitter = \"soon\"")),
              HasSubstr("serve.toml:2:10: error: option 'jitter' expects a duration"));
}

TEST_F(ScheduleConfig, OverlapAndCatchUpValues) {
  EXPECT_EQ(
      error(pipeline("overlap = \"wait\"")),
      "serve.toml:2:11: error: overlap must be \"skip\" (drop a slot while the previous run still runs) or "
      "\"queue\" (run once more when it ends)");
  EXPECT_THAT(error(pipeline("catch_up = \"yes\"")),
              HasSubstr("serve.toml:2:12: error: option 'catch_up' expects true or false"));
}

TEST_F(ScheduleConfig, TyposAreCaught) {
  EXPECT_THAT(
      error(pipeline("overlpa = \"skip\"")),
      HasSubstr("serve.toml:2:1: error: unknown key 'overlpa' in [pipeline.p]; did you mean 'overlap'?"));
  EXPECT_THAT(
      error("[host]\nmetrics_prot = 1\n" + pipeline("")),
      HasSubstr("serve.toml:2:1: error: unknown key 'metrics_prot' in [host]; did you mean 'metrics_port'?"));
}

TEST_F(ScheduleConfig, MetricsPortRange) {
  EXPECT_EQ(error("[host]\nmetrics_port = 70000\n" + pipeline("")),
            "serve.toml:2:16: error: metrics_port must be at most 65535 (0 turns the endpoint off)");
  EXPECT_EQ(error("[host]\nmetrics_port = -1\n" + pipeline("")),
            "serve.toml:2:16: error: metrics_port must be at least 0");
}

}  // namespace
}  // namespace sluice::serve_test
