// The numbers /metrics serves. Every series is registered when a config is
// loaded, before any run, so a scrape sees every pipeline and stage from the
// start; runs then update them through a RunObserver that touches relaxed
// atomics only, never a lock or an allocation.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sluice/host/config.hpp"
#include "sluice/host/pipeline_runner.hpp"

namespace sluice::host::serve {

// Upper bounds of the stage call latency buckets, in seconds: parser calls
// take microseconds, sink batches up to seconds.
inline constexpr std::array<double, 16> kLatencyBuckets = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

// The outcome of a run, as the run history records it.
enum class RunStatus { ok, partial, failed, stopped };
inline constexpr std::array<const char*, 4> kRunStatusNames = {"ok", "partial", "failed", "stopped"};
RunStatus run_status(const RunReport& report);

struct StageSeries {
  std::string stage, plugin, kind;
  std::atomic<std::uint64_t> in{0}, out{0}, failed{0};
  std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size() + 1>
      buckets{};  // not cumulative; last = +Inf
  std::atomic<std::uint64_t> sum_ns{0};

  void record(std::chrono::nanoseconds took, std::uint64_t in_items, std::uint64_t out_items,
              std::uint64_t failed_items);
};

struct PipelineSeries {
  std::string name;
  std::vector<std::shared_ptr<StageSeries>> stages;  // the current config's; guarded by Metrics' mutex
  std::array<std::atomic<std::uint64_t>, kRunStatusNames.size()> runs{};
  std::atomic<std::uint64_t> documents{0}, articles{0}, failed{0}, skipped{0};
  std::atomic<int> running{0};
  std::atomic<int> last_status{-1};  // a RunStatus, -1 before the first run
  std::atomic<std::int64_t> last_run_ms{0}, last_duration_us{0};
  std::atomic<std::int64_t> next_run_ms{-1};  // -1: nothing scheduled
  std::atomic<std::int64_t> queue_documents{0}, queue_results{0};
};

class Metrics {
 public:
  explicit Metrics(std::int64_t start_ms);

  // Registers the series of every pipeline and stage in `config`; after a
  // reload, series of unchanged names carry on and removed ones disappear.
  void configure(const Config& config);

  // The observer for one run of `pipeline`; null for an unknown pipeline.
  std::unique_ptr<RunObserver> observer(const std::string& pipeline) const;

  void run_started(const std::string& pipeline);
  void run_finished(const std::string& pipeline, const RunReport& report, std::int64_t finished_ms);
  void schedule(const std::string& pipeline, std::optional<std::int64_t> next_run_ms, std::uint64_t skipped);
  void reloaded(bool ok);

  std::string render() const;  // Prometheus text format

 private:
  std::shared_ptr<PipelineSeries> find(const std::string& pipeline) const;

  mutable std::mutex mu_;  // guards the lists, never the numbers
  std::vector<std::shared_ptr<PipelineSeries>> pipelines_;
  const std::int64_t start_ms_;
  std::atomic<std::uint64_t> reloads_ok_{0}, reloads_failed_{0};
  std::atomic<int> last_reload_ok_{1};
};

}  // namespace sluice::host::serve
