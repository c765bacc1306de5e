// The serve loop: one thread that asks the scheduler what is due, starts
// each run on a thread of its own, reaps finished runs, applies reloads
// between runs and, on stop, lets the runs in flight finish and commit.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <list>
#include <mutex>

#include "schedule/scheduler.hpp"
#include "serve/generation.hpp"
#include "serve/http_endpoint.hpp"
#include "serve/idle_log.hpp"
#include "serve/metrics.hpp"
#include "serve/slot_store.hpp"
#include "sluice/host/dead_letters.hpp"
#include "sluice/host/serve.hpp"

namespace sluice::host {
namespace {

namespace c = std::chrono;
using schedule::TimePoint;

// One run in progress.
struct ActiveRun {
  schedule::DueRun due;
  std::shared_ptr<serve::Generation> generation;  // keeps its plugins loaded and its database open
  std::unique_ptr<RunObserver> observer;
  RunReport report;
  std::thread thread;
  bool done = false;  // guarded by Server::Impl::mu
};

std::string utc(TimePoint t) {
  const std::time_t secs = c::system_clock::to_time_t(c::time_point_cast<c::seconds>(t));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string summary(const RunReport& r) {
  char line[160];
  std::snprintf(line, sizeof line, "%s: %llu documents, %llu articles delivered, %llu failed, %.3f s",
                serve::kRunStatusNames[static_cast<std::size_t>(serve::run_status(r))],
                static_cast<unsigned long long>(r.documents), static_cast<unsigned long long>(r.articles),
                static_cast<unsigned long long>(r.failed), r.wall_seconds);
  std::string out = line;
  if (!r.fatal_error.empty()) out += ": " + r.fatal_error;
  return out;
}

std::vector<std::pair<std::string, Schedule>> schedules_of(const Config& config) {
  std::vector<std::pair<std::string, Schedule>> out;
  for (const auto& p : config.pipelines) out.emplace_back(p.name, p.schedule);
  return out;
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServeOptions o)
      : options(std::move(o)), slots(options.log), scheduler(clock, slots), metrics(now_ms()) {}

  void info(const std::string& m) const {
    if (options.log) options.log->info(m);
  }
  void warn(const std::string& m) const {
    if (options.log) options.log->warn(m);
  }

  void start(std::shared_ptr<serve::Generation> g) {
    open_endpoint(g->config.host);
    apply(std::move(g));
    info("serving " + current->config.file +
         (endpoint ? "; metrics on http://" + endpoint->address() + ":" + std::to_string(endpoint->port()) +
                         "/metrics"
                   : "; metrics endpoint off"));
    log_plan();
  }

  // One line per pipeline (journald keeps lines apart): its schedule and next run.
  void log_plan() const {
    for (const auto& p : current->config.pipelines) {
      const auto timing = scheduler.timing(p.name);
      info("pipeline " + p.name + ": " + p.schedule.text +
           (timing && timing->next_run ? ", next run " + utc(*timing->next_run) : ""));
    }
  }

  // Opens the endpoint [host] asks for, unless it is the one already open.
  // Throws when it cannot listen; the endpoint open before then stays.
  void open_endpoint(const HostSettings& host) {
    if (host.metrics_port == 0) {
      endpoint.reset();
      return;
    }
    if (endpoint && endpoint->address() == host.metrics_address && endpoint->port() == host.metrics_port)
      return;
    auto render = [this] { return metrics.render(); };
    try {
      endpoint = std::make_unique<serve::HttpEndpoint>(host.metrics_address, host.metrics_port, render);
    } catch (const std::exception&) {
      if (!endpoint) throw;
      // Maybe it is the old one holding the port: free it and try again.
      const std::string old_address = endpoint->address();
      const auto old_port = endpoint->port();
      endpoint.reset();
      try {
        endpoint = std::make_unique<serve::HttpEndpoint>(host.metrics_address, host.metrics_port, render);
      } catch (const std::exception&) {
        endpoint = std::make_unique<serve::HttpEndpoint>(old_address, old_port, render);
        throw;
      }
    }
  }

  // Makes `g` the configuration new runs use. Runs in flight keep theirs.
  void apply(std::shared_ptr<serve::Generation> g) {
    current = std::move(g);
    slots.use(current->state);
    metrics.configure(current->config);
    scheduler.configure(schedules_of(current->config));
    publish_timing();
  }

  void publish_timing() {
    for (const auto& p : current->config.pipelines) {
      const auto t = scheduler.timing(p.name);
      if (!t) continue;
      std::optional<std::int64_t> next;
      if (t->next_run) next = t->next_run->time_since_epoch().count();
      metrics.schedule(p.name, next, t->skipped);
    }
  }

  // ---- runs ----
  void start_run(const schedule::DueRun& due) {
    const PipelineConfig* pipeline = current->config.pipeline(due.pipeline);
    auto run = std::make_shared<ActiveRun>();
    run->due = due;
    run->generation = current;
    run->observer = metrics.observer(due.pipeline);
    metrics.run_started(due.pipeline);
    if (idle_log.announce_start(due.pipeline) || due.catch_up)
      info("pipeline " + due.pipeline + ": run started" +
           (due.catch_up ? " (catching up on slots missed while sluice was not running)" : "") +
           (due.queued ? " (it waited for the previous run)" : ""));
    run->thread = std::thread([this, run, pipeline] { execute(*run, *pipeline); });
    runs.push_back(std::move(run));
    ++result.runs;
  }

  // On the run's own thread.
  void execute(ActiveRun& run, const PipelineConfig& pipeline) {
    RunOptions options;
    options.stop = &stop_runs;
    options.observer = run.observer.get();
    options.log = this->options.log;
    options.state_db = run.generation->state.get();
    try {
      run.report = run_pipeline(pipeline, run.generation->host->registry(), options);
    } catch (const std::exception& e) {
      // The stages could not be created (a missing directory, say): a failed
      // run like any other, in the history too.
      run.report.pipeline = pipeline.name;
      run.report.fatal_error = e.what();
      record_failed_start(run, e.what());
    }
    bound_dead_letters(run);
    {
      std::lock_guard lock(mu);
      run.done = true;
    }
    wake.notify_all();
  }

  // Keeps the dead-letter store within [host] dead_letter_max_age and
  // dead_letter_max_entries however long the service runs.
  void bound_dead_letters(ActiveRun& run) {
    auto* db = run.generation->state.get();
    if (!db) return;
    try {
      enforce_dead_letter_limits(*db, run.generation->config.host, options.log);
    } catch (const std::exception& e) {
      warn(std::string("cannot bound the dead-letter store: ") + e.what());
    }
  }

  static void record_failed_start(ActiveRun& run, const std::string& error) {
    auto* db = run.generation->state.get();
    if (!db) return;
    try {
      RunRecord r;
      r.id = db->run_started(run.due.pipeline);
      r.pipeline = run.due.pipeline;
      r.status = "failed";
      r.error = error;
      db->run_finished(r);
    } catch (const std::exception&) {
      // The run's failure is logged by the loop; history is best effort here.
    }
  }

  bool any_done() const {
    for (const auto& r : runs)
      if (r->done) return true;
    return false;
  }

  // Joins finished runs and accounts for them. Called with `mu` held.
  void reap() {
    for (auto it = runs.begin(); it != runs.end();) {
      auto& run = **it;
      if (!run.done) {
        ++it;
        continue;
      }
      run.thread.join();
      const auto& r = run.report;
      scheduler.finished(run.due.pipeline, !r.stopped);
      metrics.run_finished(run.due.pipeline, r, now_ms());
      const std::string line = "pipeline " + run.due.pipeline + ": run " + summary(r);
      if (r.ok() || r.stopped) {
        if (const auto shown = idle_log.finished(run.due.pipeline, r, line, c::steady_clock::now());
            !shown.empty())
          info(shown);
      } else {
        idle_log.finished(run.due.pipeline, r, line, c::steady_clock::now());
        warn(line);
      }
      if (r.hung) {
        // A plugin call never returned and its thread was abandoned: keep
        // what it may still touch (observer, plugins) alive, and stop.
        abandoned.push_back(*it);
        result.clean = false;
        result.problem = "pipeline " + run.due.pipeline + ": " + r.fatal_error;
        stop_requested = true;
      }
      it = runs.erase(it);
    }
  }

  // ---- reload (on the loop thread, between runs) ----
  void do_reload() {
    const std::string file = options.config_file.string();
    info("reloading " + file);
    std::shared_ptr<serve::Generation> g;
    try {
      g = serve::load_generation(options, current.get());
      open_endpoint(g->config.host);
    } catch (const ConfigErrors& e) {
      refused(file + " is invalid (" + std::to_string(e.errors().size()) +
              (e.errors().size() == 1 ? " error)" : " errors)"));
      for (const auto& error : e.errors()) warn(error.what());
      return;
    } catch (const std::exception& e) {
      refused(e.what());
      return;
    }
    std::lock_guard lock(mu);
    apply(std::move(g));
    metrics.reloaded(true);
    info("reloaded " + file + ": " + std::to_string(current->config.pipelines.size()) +
         " pipeline(s); changes apply from each pipeline's next run");
    log_plan();
  }

  void refused(const std::string& why) {
    metrics.reloaded(false);
    warn("reload refused, the running configuration stays: " + why);
  }

  // ---- the loop ----
  ServeResult run() {
    std::unique_lock lock(mu);
    for (;;) {
      reap();
      if (stop_requested) break;
      if (reload_requested) {
        reload_requested = false;
        lock.unlock();
        do_reload();
        lock.lock();
        continue;
      }
      for (const auto& due : scheduler.take_due()) start_run(due);
      publish_timing();
      idle_log.heartbeat(c::steady_clock::now(), [this](const std::string& line) { info(line); });
      // Sleep until the next slot, but at most a second: a wall clock that
      // jumps (NTP, a resumed laptop) is noticed within a second.
      auto wait = c::milliseconds(1000);
      if (const auto next = scheduler.next_wakeup())
        wait = std::clamp<c::milliseconds>(*next - clock.now(), c::milliseconds(0), wait);
      wake.wait_for(lock, wait, [&] { return stop_requested || reload_requested || any_done(); });
    }
    finish_runs(lock);
    lock.unlock();
    endpoint.reset();
    info(result.clean ? "stopped" : "stopped: " + result.problem);
    return result;
  }

  // Asks the runs in flight to stop after their work in flight and waits
  // for them to commit, up to stop_grace.
  void finish_runs(std::unique_lock<std::mutex>& lock) {
    stop_runs = true;
    if (!runs.empty())
      info("stopping: waiting for " + std::to_string(runs.size()) +
           " run(s) to finish the work in flight and commit their checkpoints");
    const auto deadline = c::steady_clock::now() + options.stop_grace;
    for (;;) {
      reap();
      if (runs.empty()) return;
      if (!wake.wait_until(lock, deadline, [&] { return any_done(); })) break;
    }
    result.clean = false;
    result.problem = std::to_string(runs.size()) + " run(s) did not finish within " +
                     std::to_string(options.stop_grace.count()) + " ms of the stop";
    for (auto& r : runs) {
      r->thread.detach();
      abandoned.push_back(r);  // the thread still uses it
    }
    runs.clear();
  }

  ServeOptions options;
  schedule::SystemClock clock;
  serve::StateSlotStore slots;
  schedule::Scheduler scheduler;
  serve::Metrics metrics;
  serve::IdleLog idle_log;                     // the loop thread's only
  std::shared_ptr<serve::Generation> current;  // the loop thread's only
  std::unique_ptr<serve::HttpEndpoint> endpoint;
  std::atomic<bool> stop_runs{false};  // every run's RunOptions::stop

  std::mutex mu;
  std::condition_variable wake;
  bool stop_requested = false;
  bool reload_requested = false;
  std::list<std::shared_ptr<ActiveRun>> runs;
  std::vector<std::shared_ptr<ActiveRun>> abandoned;  // runs whose threads outlive them (clean = false)
  ServeResult result;
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

void Server::start() { impl_->start(serve::load_generation(impl_->options, nullptr)); }

void Server::start(std::unique_ptr<Host> host, Config config) {
  impl_->start(serve::make_generation(std::move(host), std::move(config), impl_->options, nullptr));
}

ServeResult Server::run() { return impl_->run(); }

void Server::stop() {
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->stop_requested) return;
    impl_->stop_requested = true;
  }
  impl_->info("stop requested: no new runs; runs in flight finish their work and commit");
  impl_->wake.notify_all();
}

void Server::reload() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->reload_requested = true;
  }
  impl_->wake.notify_all();
}

}  // namespace sluice::host
