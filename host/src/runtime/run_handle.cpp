// Host::start and RunHandle: one pipeline run on a thread of its own, with
// the push source and pull sink bound to the handle's channels.
#include "sluice/host/run_handle.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

#include "runtime/memory_stages.hpp"
#include "sluice/host/host.hpp"

namespace sluice::host {

struct RunHandle::State {
  std::string pipeline;
  std::shared_ptr<detail::PushChannel> input;   // null without a push source
  std::shared_ptr<detail::PullChannel> output;  // null without a pull sink
  std::atomic<bool> stop{false}, abandon{false};

  std::mutex mu;
  std::condition_variable ended;
  bool finished = false;
  RunReport report;
  std::exception_ptr error;  // what kept the run from starting

  std::mutex join_mu;
  std::thread thread;
};

namespace {

bool is_plugin(const StageConfig& s, const sluice_plugin_descriptor* d) {
  return s.plugin != nullptr && s.plugin->descriptor == d;
}

// The one stage of `stages` made from plugin `d`, if any. Two would split
// the stream between them, so a second is refused.
std::optional<std::size_t> sole_stage(const std::vector<StageConfig>& stages,
                                      const sluice_plugin_descriptor* d, const PipelineConfig& p) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (!is_plugin(stages[i], d)) continue;
    if (found)
      throw ConfigErrors(
          {ConfigError(stages[i].position, "pipeline '" + p.name + "' has a second '" + d->name +
                                               "' stage; a run has one stream each way")});
    found = i;
  }
  return found;
}

std::size_t capacity_option(const StageConfig& s) {
  const auto n = s.options.integer("capacity");
  return n > 0 ? static_cast<std::size_t>(n) : 1;
}

// Why the documents still unacknowledged at the end were not stored.
std::string end_reason(const RunReport& report, std::exception_ptr error) {
  if (error) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      return std::string("the run could not start: ") + e.what();
    } catch (...) {
      return "the run could not start";
    }
  }
  if (!report.fatal_error.empty()) return "the run failed: " + report.fatal_error;
  if (report.stopped) return "the run was stopped first";
  return "the run ended first";
}

}  // namespace

RunHandle Host::start(const Config& config, const std::string& pipeline, RunOptions options) {
  const PipelineConfig& p = pipeline_named(config, pipeline);
  auto state = std::make_shared<RunHandle::State>();
  state->pipeline = p.name;
  const auto push_at = sole_stage(p.sources, detail::push_source_descriptor(), p);
  const auto pull_at = sole_stage(p.sinks, detail::pull_sink_descriptor(), p);
  if (push_at) state->input = std::make_shared<detail::PushChannel>(capacity_option(p.sources[*push_at]));
  if (pull_at) state->output = std::make_shared<detail::PullChannel>(capacity_option(p.sinks[*pull_at]));

  // The handle's stop and deadline replace any the caller set.
  options.stop = &state->stop;
  options.abandon = &state->abandon;
  if (!options.state_db) options.state_db = this->state(config);
  options.make_stage = [input = state->input, output = state->output, theirs = std::move(options.make_stage)](
                           const StageConfig& s, const sdk::StageInit& init) -> std::shared_ptr<sdk::Stage> {
    if (input && is_plugin(s, detail::push_source_descriptor())) return detail::make_push_source(input);
    if (output && is_plugin(s, detail::pull_sink_descriptor())) return detail::make_pull_sink(output);
    return theirs ? theirs(s, init) : nullptr;
  };
  if (push_at) {
    options.on_document = [input = state->input, source = *push_at,
                           theirs = std::move(options.on_document)](const DocumentDone& d) {
      if (d.source == source) input->done(d);
      if (theirs) theirs(d);
    };
  }

  // The thread owns a copy of the pipeline: the config may go before it.
  state->thread = std::thread([state, p, &registry = registry_, options = std::move(options)] {
    RunReport report;
    std::exception_ptr error;
    try {
      report = run_pipeline(p, registry, options);
    } catch (...) {
      error = std::current_exception();
    }
    const auto why = end_reason(report, error);
    if (state->input) state->input->end(why);
    if (state->output) state->output->finish();
    {
      std::lock_guard lock(state->mu);
      state->report = std::move(report);
      state->error = error;
      state->finished = true;
    }
    state->ended.notify_all();
  });
  return RunHandle(std::move(state));
}

RunHandle::RunHandle(std::shared_ptr<State> state) : state_(std::move(state)) {}
RunHandle::RunHandle(RunHandle&&) noexcept = default;
RunHandle& RunHandle::operator=(RunHandle&& other) noexcept {
  if (this != &other) {
    auto incoming = std::move(other.state_);
    { RunHandle replaced(std::move(*this)); }  // stops the run this handle held
    state_ = std::move(incoming);
  }
  return *this;
}

RunHandle::~RunHandle() {
  if (!state_) return;
  try {
    if (!finished())
      stop(std::chrono::milliseconds(0));
    else
      wait();
  } catch (...) {
    // Nothing to report to from a destructor; wait() would have rethrown a
    // start failure the owner chose not to look at.
  }
  std::lock_guard join(state_->join_mu);
  if (state_->thread.joinable()) state_->thread.join();
}

const std::string& RunHandle::pipeline() const { return state_->pipeline; }

std::future<Ack> RunHandle::push(sdk::RawDocument document) {
  if (!state_->input)
    throw RunError("pipeline '" + state_->pipeline + "' has no push source: add [[pipeline." +
                   state_->pipeline + ".source]] with plugin = \"push\"");
  return state_->input->push(std::move(document));
}

void RunHandle::close() {
  if (state_->input) state_->input->close();
}

std::optional<sdk::Article> RunHandle::pull(std::chrono::milliseconds timeout) {
  if (!state_->output)
    throw RunError("pipeline '" + state_->pipeline + "' has no pull sink: add [[pipeline." +
                   state_->pipeline + ".sink]] with plugin = \"pull\"");
  return state_->output->pull(timeout);
}

RunReport RunHandle::stop(std::chrono::milliseconds deadline) {
  state_->stop = true;
  {
    std::unique_lock lock(state_->mu);
    if (!state_->ended.wait_for(lock, deadline, [&] { return state_->finished; })) {
      state_->abandon = true;
      // A pull sink waiting for room would otherwise wait for a consumer
      // that has stopped pulling.
      if (state_->output) state_->output->abandon();
    }
  }
  return wait();
}

RunReport RunHandle::wait() {
  {
    std::unique_lock lock(state_->mu);
    state_->ended.wait(lock, [&] { return state_->finished; });
  }
  {
    std::lock_guard join(state_->join_mu);
    if (state_->thread.joinable()) state_->thread.join();
  }
  if (state_->error) std::rethrow_exception(state_->error);
  return state_->report;
}

bool RunHandle::finished() const {
  std::lock_guard lock(state_->mu);
  return state_->finished;
}

}  // namespace sluice::host
