// /metrics: series registered before any run, what a run's observer adds,
// histogram invariants and the text format's escaping.
#include "serve/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "serve/prometheus_text.hpp"

namespace sluice::serve_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

host::Config config_with(std::vector<std::string> pipelines) {
  host::Config c;
  for (auto& name : pipelines) {
    host::PipelineConfig p;
    p.name = name;
    host::StageConfig source, parser, sink;
    source.name = "in";
    parser.name = "parse";
    sink.name = "out";
    p.sources.push_back(source);
    p.parsers.push_back(parser);
    p.sinks.push_back(sink);
    c.pipelines.push_back(std::move(p));
  }
  return c;
}

TEST(Metrics, EverySeriesIsThereBeforeTheFirstRun) {
  host::serve::Metrics m(1'700'000'000'000);
  m.configure(config_with({"news"}));
  const auto text = m.render();
  EXPECT_THAT(text, HasSubstr("sluice_serve_start_time_seconds 1700000000\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE sluice_pipeline_runs_total counter\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_runs_total{pipeline=\"news\",status=\"ok\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_runs_total{pipeline=\"news\",status=\"failed\"} 0\n"));
  EXPECT_THAT(
      text,
      HasSubstr(
          "sluice_stage_in_total{pipeline=\"news\",stage=\"parse\",plugin=\"host\",kind=\"parser\"} 0\n"));
  EXPECT_THAT(
      text,
      HasSubstr("sluice_stage_call_duration_seconds_bucket{pipeline=\"news\",stage=\"out\",plugin=\"host\","
                "kind=\"sink\",le=\"0.0001\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("sluice_queue_depth{pipeline=\"news\",queue=\"documents\"} 0\n"));
  EXPECT_THAT(text, Not(HasSubstr("sluice_pipeline_next_run_timestamp_seconds{")));  // nothing scheduled yet
  m.schedule("news", 1'700'000'060'500, 2);
  EXPECT_THAT(m.render(),
              HasSubstr("sluice_pipeline_next_run_timestamp_seconds{pipeline=\"news\"} 1700000060.5\n"));
  EXPECT_THAT(m.render(), HasSubstr("sluice_pipeline_runs_skipped_total{pipeline=\"news\"} 2\n"));
}

TEST(Metrics, ARunsObserverCountsItsStageCalls) {
  host::serve::Metrics m(0);
  const auto config = config_with({"news"});
  m.configure(config);
  auto observer = m.observer("news");
  ASSERT_NE(observer, nullptr);
  const auto& p = config.pipelines[0];
  using std::chrono::microseconds;
  observer->stage_call(p, p.parsers[0], "parser", microseconds(50), 1, 3, 0);          // <= 0.0001
  observer->stage_call(p, p.parsers[0], "parser", microseconds(300), 1, 0, 1);         // <= 0.0005
  observer->stage_call(p, p.parsers[0], "parser", std::chrono::seconds(20), 1, 1, 0);  // +Inf
  observer->queue_depth(p, "results", 7);
  m.run_started("news");
  const auto text = m.render();
  EXPECT_THAT(
      text,
      HasSubstr(
          "sluice_stage_in_total{pipeline=\"news\",stage=\"parse\",plugin=\"host\",kind=\"parser\"} 3\n"));
  EXPECT_THAT(
      text,
      HasSubstr(
          "sluice_stage_out_total{pipeline=\"news\",stage=\"parse\",plugin=\"host\",kind=\"parser\"} 4\n"));
  EXPECT_THAT(text, HasSubstr("sluice_stage_failed_total{pipeline=\"news\",stage=\"parse\",plugin=\"host\","
                              "kind=\"parser\"} 1\n"));
  const std::string bucket =
      "sluice_stage_call_duration_seconds_bucket{pipeline=\"news\",stage=\"parse\",plugin=\"host\",kind="
      "\"parser\",";
  EXPECT_THAT(text, HasSubstr(bucket + "le=\"0.0001\"} 1\n"));
  EXPECT_THAT(text, HasSubstr(bucket + "le=\"0.00025\"} 1\n"));
  EXPECT_THAT(text, HasSubstr(bucket + "le=\"0.0005\"} 2\n"));  // cumulative
  EXPECT_THAT(text, HasSubstr(bucket + "le=\"10\"} 2\n"));
  EXPECT_THAT(text, HasSubstr(bucket + "le=\"+Inf\"} 3\n"));
  EXPECT_THAT(
      text,
      HasSubstr("sluice_stage_call_duration_seconds_count{pipeline=\"news\",stage=\"parse\",plugin=\"host\","
                "kind=\"parser\"} 3\n"));
  EXPECT_THAT(
      text,
      HasSubstr("sluice_stage_call_duration_seconds_sum{pipeline=\"news\",stage=\"parse\",plugin=\"host\","
                "kind=\"parser\"} 20.00035\n"));
  EXPECT_THAT(text, HasSubstr("sluice_queue_depth{pipeline=\"news\",queue=\"results\"} 7\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_running{pipeline=\"news\"} 1\n"));
}

TEST(Metrics, FinishedRunsByStatus) {
  host::serve::Metrics m(0);
  m.configure(config_with({"news"}));
  host::RunReport ok;
  ok.documents = 4;
  ok.articles = 4;
  ok.wall_seconds = 1.25;
  host::RunReport failed;
  failed.fatal_error = "boom";
  m.run_finished("news", ok, 1'000);
  m.run_finished("news", ok, 2'000);
  m.run_finished("news", failed, 3'000);
  const auto text = m.render();
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_runs_total{pipeline=\"news\",status=\"ok\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_runs_total{pipeline=\"news\",status=\"failed\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_last_run_status{pipeline=\"news\",status=\"failed\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_last_run_status{pipeline=\"news\",status=\"ok\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_last_run_timestamp_seconds{pipeline=\"news\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_articles_total{pipeline=\"news\"} 8\n"));
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_running{pipeline=\"news\"} 0\n"));
}

TEST(Metrics, CountersSurviveAReloadAndRemovedPipelinesDisappear) {
  host::serve::Metrics m(0);
  m.configure(config_with({"a", "b"}));
  host::RunReport ok;
  m.run_finished("a", ok, 1);
  m.configure(config_with({"a"}));
  m.reloaded(true);
  m.reloaded(false);
  const auto text = m.render();
  EXPECT_THAT(text, HasSubstr("sluice_pipeline_runs_total{pipeline=\"a\",status=\"ok\"} 1\n"));
  EXPECT_THAT(text, Not(HasSubstr("pipeline=\"b\"")));
  EXPECT_THAT(text, HasSubstr("sluice_config_reloads_total{result=\"ok\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("sluice_config_reloads_total{result=\"failed\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("sluice_config_last_reload_successful 0\n"));
}

TEST(PrometheusText, EscapesLabelValuesAndHelp) {
  EXPECT_EQ(host::serve::escape_label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  host::serve::PrometheusText t;
  t.family("x_total", "counter", "back\\slash\nnewline");
  t.sample("x_total", {{"p", "q\""}}, std::uint64_t{3});
  EXPECT_EQ(t.text(),
            "# HELP x_total back\\\\slash\\nnewline\n# TYPE x_total counter\nx_total{p=\"q\\\"\"} 3\n");
  EXPECT_EQ(host::serve::format_value(0.25), "0.25");
  EXPECT_EQ(host::serve::format_value(std::numeric_limits<double>::infinity()), "+Inf");
}

}  // namespace
}  // namespace sluice::serve_test
