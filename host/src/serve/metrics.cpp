#include "serve/metrics.hpp"

#include <algorithm>

#include "serve/prometheus_text.hpp"

namespace sluice::host::serve {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

// Feeds one run's stage calls and queue samples to its pipeline's series.
class RunMetrics final : public RunObserver {
 public:
  RunMetrics(std::shared_ptr<PipelineSeries> pipeline, std::vector<std::shared_ptr<StageSeries>> stages)
      : pipeline_(std::move(pipeline)), stages_(std::move(stages)) {}

  void stage_call(const PipelineConfig&, const StageConfig& stage, const char*, std::chrono::nanoseconds took,
                  std::uint64_t in, std::uint64_t out, std::uint64_t failed) override {
    // A handful of stages: a linear scan beats hashing the name.
    for (const auto& s : stages_) {
      if (s->stage == stage.name) {
        s->record(took, in, out, failed);
        return;
      }
    }
  }

  void queue_depth(const PipelineConfig&, const char* queue, std::size_t depth) override {
    auto& gauge =
        std::string_view(queue) == "documents" ? pipeline_->queue_documents : pipeline_->queue_results;
    gauge.store(static_cast<std::int64_t>(depth), kRelaxed);
  }

 private:
  std::shared_ptr<PipelineSeries> pipeline_;
  std::vector<std::shared_ptr<StageSeries>> stages_;  // a snapshot: a reload does not move them under the run
};

double seconds(std::int64_t ms) { return static_cast<double>(ms) / 1000.0; }

}  // namespace

RunStatus run_status(const RunReport& r) {
  if (!r.fatal_error.empty()) return RunStatus::failed;
  if (r.stopped) return RunStatus::stopped;
  return r.failed > 0 ? RunStatus::partial : RunStatus::ok;
}

void StageSeries::record(std::chrono::nanoseconds took, std::uint64_t in_items, std::uint64_t out_items,
                         std::uint64_t failed_items) {
  in.fetch_add(in_items, kRelaxed);
  out.fetch_add(out_items, kRelaxed);
  failed.fetch_add(failed_items, kRelaxed);
  const double s = std::chrono::duration<double>(took).count();
  const auto bucket =
      std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), s) - kLatencyBuckets.begin();
  buckets[static_cast<std::size_t>(bucket)].fetch_add(1, kRelaxed);
  sum_ns.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, took.count())), kRelaxed);
}

Metrics::Metrics(std::int64_t start_ms) : start_ms_(start_ms) {}

void Metrics::configure(const Config& config) {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<PipelineSeries>> next;
  for (const auto& p : config.pipelines) {
    auto it =
        std::find_if(pipelines_.begin(), pipelines_.end(), [&](const auto& s) { return s->name == p.name; });
    auto series = it != pipelines_.end() ? *it : std::make_shared<PipelineSeries>();
    series->name = p.name;
    std::vector<std::shared_ptr<StageSeries>> stages;
    const auto add = [&](const std::vector<StageConfig>& list, const char* kind) {
      for (const auto& s : list) {
        const std::string plugin = s.plugin ? s.plugin->name() : "host";
        auto old = std::find_if(series->stages.begin(), series->stages.end(), [&](const auto& o) {
          return o->stage == s.name && o->plugin == plugin && o->kind == kind;
        });
        if (old != series->stages.end()) {
          stages.push_back(*old);
          continue;
        }
        auto fresh = std::make_shared<StageSeries>();
        fresh->stage = s.name;
        fresh->plugin = plugin;
        fresh->kind = kind;
        stages.push_back(std::move(fresh));
      }
    };
    // The kind names the runner passes to RunObserver::stage_call.
    add(p.sources, "source");
    add(p.parsers, "parser");
    add(p.enrichers, "enricher");
    add(p.sinks, "sink");
    series->stages = std::move(stages);
    next.push_back(std::move(series));
  }
  pipelines_ = std::move(next);
}

std::shared_ptr<PipelineSeries> Metrics::find(const std::string& pipeline) const {
  std::lock_guard lock(mu_);
  for (const auto& p : pipelines_)
    if (p->name == pipeline) return p;
  return nullptr;
}

std::unique_ptr<RunObserver> Metrics::observer(const std::string& pipeline) const {
  std::lock_guard lock(mu_);
  for (const auto& p : pipelines_)
    if (p->name == pipeline) return std::make_unique<RunMetrics>(p, p->stages);
  return nullptr;
}

void Metrics::run_started(const std::string& pipeline) {
  if (auto p = find(pipeline)) p->running.store(1, kRelaxed);
}

void Metrics::run_finished(const std::string& pipeline, const RunReport& report, std::int64_t finished_ms) {
  auto p = find(pipeline);
  if (!p) return;
  const auto status = run_status(report);
  p->runs[static_cast<std::size_t>(status)].fetch_add(1, kRelaxed);
  p->documents.fetch_add(report.documents, kRelaxed);
  p->articles.fetch_add(report.articles, kRelaxed);
  p->failed.fetch_add(report.failed, kRelaxed);
  p->last_status.store(static_cast<int>(status), kRelaxed);
  p->last_run_ms.store(finished_ms, kRelaxed);
  p->last_duration_us.store(static_cast<std::int64_t>(report.wall_seconds * 1e6), kRelaxed);
  p->queue_documents.store(0, kRelaxed);
  p->queue_results.store(0, kRelaxed);
  p->running.store(0, kRelaxed);
}

void Metrics::schedule(const std::string& pipeline, std::optional<std::int64_t> next_run_ms,
                       std::uint64_t skipped) {
  if (auto p = find(pipeline)) {
    p->next_run_ms.store(next_run_ms.value_or(-1), kRelaxed);
    p->skipped.store(skipped, kRelaxed);
  }
}

void Metrics::reloaded(bool ok) {
  (ok ? reloads_ok_ : reloads_failed_).fetch_add(1, kRelaxed);
  last_reload_ok_.store(ok ? 1 : 0, kRelaxed);
}

std::string Metrics::render() const {
  std::vector<std::shared_ptr<PipelineSeries>> pipelines;
  std::vector<std::vector<std::shared_ptr<StageSeries>>> stages;
  {
    std::lock_guard lock(mu_);
    pipelines = pipelines_;
    for (const auto& p : pipelines_) stages.push_back(p->stages);
  }
  PrometheusText out;
  out.family("sluice_serve_start_time_seconds", "gauge",
             "When this `sluice serve` process started (Unix time).");
  out.sample("sluice_serve_start_time_seconds", {}, seconds(start_ms_));
  out.family("sluice_config_reloads_total", "counter", "Configuration reloads (SIGHUP), by result.");
  out.sample("sluice_config_reloads_total", {{"result", "ok"}}, reloads_ok_.load(kRelaxed));
  out.sample("sluice_config_reloads_total", {{"result", "failed"}}, reloads_failed_.load(kRelaxed));
  out.family("sluice_config_last_reload_successful", "gauge",
             "1 when the last reload was applied (or none was asked for), 0 when it was refused.");
  out.sample("sluice_config_last_reload_successful", {},
             static_cast<std::int64_t>(last_reload_ok_.load(kRelaxed)));

  // Per pipeline: one family at a time, as the format requires.
  using Getter = std::int64_t (*)(const PipelineSeries&);
  const auto per_pipeline = [&](const char* name, const char* type, const char* help, Getter get) {
    out.family(name, type, help);
    for (const auto& p : pipelines) out.sample(name, {{"pipeline", p->name}}, get(*p));
  };
  out.family("sluice_pipeline_runs_total", "counter", "Finished runs, by outcome (as in `sluice history`).");
  for (const auto& p : pipelines)
    for (std::size_t s = 0; s < kRunStatusNames.size(); ++s)
      out.sample("sluice_pipeline_runs_total", {{"pipeline", p->name}, {"status", kRunStatusNames[s]}},
                 p->runs[s].load(kRelaxed));
  per_pipeline("sluice_pipeline_running", "gauge", "1 while a run of the pipeline is in progress.",
               [](const PipelineSeries& p) -> std::int64_t { return p.running.load(kRelaxed); });
  per_pipeline("sluice_pipeline_runs_skipped_total", "counter",
               "Scheduled slots that got no run of their own because the previous run was still going.",
               [](const PipelineSeries& p) { return static_cast<std::int64_t>(p.skipped.load(kRelaxed)); });
  out.family("sluice_pipeline_last_run_status", "gauge", "1 for the outcome of the pipeline's last run.");
  for (const auto& p : pipelines) {
    const int last = p->last_status.load(kRelaxed);
    for (std::size_t s = 0; s < kRunStatusNames.size(); ++s)
      out.sample("sluice_pipeline_last_run_status", {{"pipeline", p->name}, {"status", kRunStatusNames[s]}},
                 static_cast<std::int64_t>(last == static_cast<int>(s)));
  }
  out.family("sluice_pipeline_last_run_timestamp_seconds", "gauge",
             "When the pipeline's last run ended (Unix time; 0 before the first).");
  for (const auto& p : pipelines)
    out.sample("sluice_pipeline_last_run_timestamp_seconds", {{"pipeline", p->name}},
               seconds(p->last_run_ms.load(kRelaxed)));
  out.family("sluice_pipeline_last_run_duration_seconds", "gauge", "How long the pipeline's last run took.");
  for (const auto& p : pipelines)
    out.sample("sluice_pipeline_last_run_duration_seconds", {{"pipeline", p->name}},
               static_cast<double>(p->last_duration_us.load(kRelaxed)) / 1e6);
  out.family("sluice_pipeline_next_run_timestamp_seconds", "gauge",
             "When the pipeline runs next (Unix time, jitter included); absent when nothing is scheduled.");
  for (const auto& p : pipelines)
    if (const auto next = p->next_run_ms.load(kRelaxed); next >= 0)
      out.sample("sluice_pipeline_next_run_timestamp_seconds", {{"pipeline", p->name}}, seconds(next));
  per_pipeline("sluice_pipeline_documents_total", "counter", "Documents read from the pipeline's sources.",
               [](const PipelineSeries& p) { return static_cast<std::int64_t>(p.documents.load(kRelaxed)); });
  per_pipeline("sluice_pipeline_articles_total", "counter",
               "Articles delivered to every sink of the pipeline.",
               [](const PipelineSeries& p) { return static_cast<std::int64_t>(p.articles.load(kRelaxed)); });
  per_pipeline("sluice_pipeline_failed_total", "counter", "Documents and articles that failed a stage.",
               [](const PipelineSeries& p) { return static_cast<std::int64_t>(p.failed.load(kRelaxed)); });
  out.family("sluice_queue_depth", "gauge",
             "Items waiting between stages during a run: documents for the workers, results for the sinks.");
  for (const auto& p : pipelines) {
    out.sample("sluice_queue_depth", {{"pipeline", p->name}, {"queue", "documents"}},
               p->queue_documents.load(kRelaxed));
    out.sample("sluice_queue_depth", {{"pipeline", p->name}, {"queue", "results"}},
               p->queue_results.load(kRelaxed));
  }

  // Per stage.
  using Counter = std::atomic<std::uint64_t> StageSeries::*;
  const auto per_stage = [&](const char* name, const char* help, Counter counter) {
    out.family(name, "counter", help);
    for (std::size_t i = 0; i < pipelines.size(); ++i)
      for (const auto& s : stages[i])
        out.sample(
            name,
            {{"pipeline", pipelines[i]->name}, {"stage", s->stage}, {"plugin", s->plugin}, {"kind", s->kind}},
            ((*s).*counter).load(kRelaxed));
  };
  per_stage("sluice_stage_in_total",
            "Items into the stage: documents for parsers, articles for enrichers and sinks (0 for sources).",
            &StageSeries::in);
  per_stage("sluice_stage_out_total",
            "Items out of the stage: documents from sources, articles from parsers, enrichers and sinks.",
            &StageSeries::out);
  per_stage("sluice_stage_failed_total", "Items that failed in the stage.", &StageSeries::failed);

  const char* hist = "sluice_stage_call_duration_seconds";
  out.family(hist, "histogram",
             "Time spent in one call of the stage (a document, an article or a sink batch).");
  for (std::size_t i = 0; i < pipelines.size(); ++i) {
    for (const auto& s : stages[i]) {
      std::uint64_t cumulative = 0;
      for (std::size_t b = 0; b <= kLatencyBuckets.size(); ++b) {
        cumulative += s->buckets[b].load(kRelaxed);
        const std::string le = b < kLatencyBuckets.size() ? format_value(kLatencyBuckets[b]) : "+Inf";
        out.sample(std::string(hist) + "_bucket",
                   {{"pipeline", pipelines[i]->name},
                    {"stage", s->stage},
                    {"plugin", s->plugin},
                    {"kind", s->kind},
                    {"le", le}},
                   cumulative);
      }
      const Labels labels = {
          {"pipeline", pipelines[i]->name}, {"stage", s->stage}, {"plugin", s->plugin}, {"kind", s->kind}};
      out.sample(std::string(hist) + "_sum", labels, static_cast<double>(s->sum_ns.load(kRelaxed)) / 1e9);
      // _count equals the +Inf bucket: both come from the same loads.
      out.sample(std::string(hist) + "_count", labels, cumulative);
    }
  }
  return out.text();
}

}  // namespace sluice::host::serve
