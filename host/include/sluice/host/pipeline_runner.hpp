// Runs one pipeline: sources -> bounded queue -> workers (parse, enrich in
// order) -> bounded queue -> sinks in batches, then acknowledges sources.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sluice/host/config.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/host/state_db.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::host {

struct StageCounts {
  std::string stage;   // stage name
  std::string plugin;  // plugin name
  std::string kind;    // "source", "parser", ...
  std::uint64_t in = 0, out = 0, failed = 0;
  double seconds = 0;
  std::uint64_t dropped =
      0;  // enrichers only: articles it chose to drop  // time spent inside the stage's calls
};

// One document or article that failed, with where and why.
struct Failure {
  std::string stage;
  std::string item;  // document key or article id
  std::string error;
};

struct RunReport {
  std::string pipeline;
  std::uint64_t documents = 0;      // read from sources
  std::uint64_t articles = 0;       // delivered to every sink
  std::uint64_t failed = 0;         // documents/articles that failed a stage
  std::uint64_t dead_lettered = 0;  // of those, kept in the dead-letter store
  std::uint64_t dropped = 0;        // articles an enricher dropped on purpose
  std::vector<StageCounts> stages;
  std::vector<Failure> failures;
  double wall_seconds = 0;
  bool ok() const { return failed == 0 && fatal_error.empty(); }
  std::string fatal_error;  // set when the run could not complete
  // A stage call exceeded its time limit and never returned: its thread was
  // abandoned. A CLI should exit once it has reported this.
  bool hung = false;
  bool stopped = false;  // ended early by RunOptions::stop
};

// Live view of a run, for metrics. Called from the runner's threads while
// they work: implementations must be thread-safe and cheap. An exception
// from it ends the run (RunReport::fatal_error), never the process.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // One stage call finished: `in` items went in, `out` came out, `failed` failed.
  virtual void stage_call(const PipelineConfig& pipeline, const StageConfig& stage, const char* kind,
                          std::chrono::nanoseconds took, std::uint64_t in, std::uint64_t out,
                          std::uint64_t failed) = 0;
  // Sampled about every 200 ms: documents waiting for a worker ("documents")
  // and parsed results waiting for the sinks ("results").
  virtual void queue_depth(const PipelineConfig& pipeline, const char* queue, std::size_t depth) = 0;
};

// What became of one document once its checkpoint was committed
// (RunOptions::on_document): its articles are stored by every sink, or
// failed; with a state database the failures are in the dead-letter store.
struct DocumentDone {
  std::size_t source = 0;           // index of the source stage in the pipeline
  std::uint64_t seq = 0;            // the source's delivery order, from 0
  std::size_t articles = 0;         // articles the document became
  std::vector<std::string> errors;  // "stage 'x': why", one per failure
};

struct RunOptions {
  // Callbacks run on the runner's threads and are told which pipeline they
  // serve (one callback may watch several). What they throw ends the run:
  // RunReport::fatal_error names the callback and the exception.
  // Called after every sink stored a batch, once per article (embedders).
  std::function<void(const std::string& pipeline, const sdk::Article&)> on_article;
  // Called about every 200 ms while the run progresses (articles so far).
  std::function<void(const std::string& pipeline, std::uint64_t documents, std::uint64_t articles)>
      on_progress;
  // Set to true to ask a run to stop after the work in flight. Sources
  // built against SDK 1.2 are interrupted (Source::interrupt()) so one that
  // waits for data in next() lets go.
  const std::atomic<bool>* stop = nullptr;
  // Set (after `stop`) to give up the work still queued: nothing more is
  // written or acknowledged, so the next run delivers it again. This is how
  // RunHandle::stop keeps its deadline.
  const std::atomic<bool>* abandon = nullptr;
  // Called on the sink thread once per document, after the transaction that
  // acknowledged it (the embedding API resolves push() futures here).
  std::function<void(const DocumentDone&)> on_document;
  // Creates a stage in place of its plugin's factory when it returns one:
  // the embedding API binds its push and pull stages to a RunHandle so.
  std::function<std::shared_ptr<sdk::Stage>(const StageConfig&, const sdk::StageInit&)> make_stage;
  RunObserver* observer = nullptr;
  sdk::Log* log = nullptr;
  // Checkpoints, stage state, sink commit tokens, dead letters and run
  // history. Without it a run keeps nothing between runs and failures are
  // only reported.
  StateDb* state_db = nullptr;
  std::string base_dir;
  // Dead-letter replay: documents come from `source_override` instead of the
  // pipeline's sources; a `parser_override` replaces its parsers and then no
  // enrichers run; `only_sinks` (when non-empty) limits the sinks by name.
  std::shared_ptr<sdk::Source> source_override;
  std::shared_ptr<sdk::Parser> parser_override;
  std::vector<std::string> only_sinks;
  // Sink stage names whose existing output the operator settles for this run
  // (`sluice run --adopt-output / --reset-output`): adopt records the
  // sink's current commit token as committed without recovering; reset
  // passes sdk::kResetOutput to recover() so the sink starts over. Names
  // that are not sinks of this pipeline are ignored (the CLI checks them).
  std::vector<std::string> adopt_output;
  std::vector<std::string> reset_output;
};

// Creates the stages, runs the pipeline to completion and returns counts.
// A stage that fails to start throws ConfigErrors (one ConfigError at the
// stage's position, naming it), the type a config load throws.
RunReport run_pipeline(const PipelineConfig& pipeline, const PluginRegistry& registry,
                       const RunOptions& options);

// A fixed-width table of the report, for terminals and logs.
std::string format_report(const RunReport& report);

}  // namespace sluice::host
