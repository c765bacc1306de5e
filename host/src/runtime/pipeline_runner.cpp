#include "sluice/host/pipeline_runner.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "runtime/bounded_queue.hpp"
#include "runtime/buffer_pool.hpp"
#include "runtime/call_watchdog.hpp"
#include "runtime/checkpoint_tracker.hpp"
#include "runtime/retry_policy.hpp"
#include "runtime/stage_context.hpp"
#include "sluice/sdk/json.hpp"
#include "state/serialization.hpp"

namespace sluice::host {
namespace {

using Clock = std::chrono::steady_clock;

// Document meta keys a dead-letter replay sets (see dlq_replay.cpp).
constexpr const char* kReplayArticle = "sluice.replay.article";    // keep only this article id
constexpr const char* kReplayAttempts = "sluice.replay.attempts";  // failures so far

// Queue wake-ups (see bounded_queue.hpp): an idle consumer sleeps until this
// long after the first item arrived, unless enough items gather sooner.
constexpr std::chrono::microseconds kQueueGather{2000};

struct ResultItem {
  std::size_t source = 0;
  std::uint64_t seq = 0;
  std::string cursor;
  std::vector<sdk::Article> articles;
  std::vector<DeadLetter> dead;  // failures, stored with this item's checkpoint
  int attempts = 0;              // failures before this run (dead-letter replay)
};

struct DocItem {
  std::size_t source = 0;
  std::uint64_t seq = 0;  // per-source delivery order
  sdk::RawDocument doc;
};

// Counters one thread owns while it runs, merged into the report at the end
// so the hot path never shares a cache line between workers.
struct LocalCounts {
  std::uint64_t in = 0, out = 0, failed = 0, dropped = 0;
  Clock::duration time{};
};

template <class Interface>
struct Instance {
  const StageConfig* config = nullptr;
  std::shared_ptr<sdk::Stage> owner;
  Interface* stage = nullptr;
};

bool matches(const std::vector<std::string>& patterns, const sdk::RawDocument& doc) {
  if (patterns.empty()) return true;
  const auto slash = doc.key.find_last_of('/');
  const char* base = doc.key.c_str() + (slash == std::string::npos ? 0 : slash + 1);
  // An HTTP content type carries parameters ("text/html; charset=utf-8");
  // `match = ["text/html"]` means the MIME type alone.
  const std::string mime = doc.content_type.substr(0, doc.content_type.find(';'));
  const auto mime_end = mime.find_last_not_of(" \t");
  const std::string bare = mime_end == std::string::npos ? std::string() : mime.substr(0, mime_end + 1);
  for (const auto& p : patterns) {
    if (!doc.content_type.empty() && fnmatch(p.c_str(), doc.content_type.c_str(), 0) == 0) return true;
    if (!bare.empty() && bare != doc.content_type && fnmatch(p.c_str(), bare.c_str(), 0) == 0) return true;
    if (fnmatch(p.c_str(), base, 0) == 0) return true;
    if (fnmatch(p.c_str(), doc.key.c_str(), 0) == 0) return true;
  }
  return false;
}

std::string what_of(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    return ex.what();
  } catch (...) {
    return "non-standard exception";
  }
}

bool is_permanent(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const sdk::PermanentError&) {
    return true;
  } catch (...) {
    return false;
  }
}

bool is_storage_full(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const sdk::StorageFull&) {
    return true;
  } catch (...) {
    return false;
  }
}

// Failures a replayed dead letter's input already had; 0 for new input.
int replay_attempts(const sdk::RawDocument& doc) {
  const auto* a = doc.meta.find(kReplayAttempts);
  return a && a->is_int() ? static_cast<int>(a->as_int()) : 0;
}

const std::string& item_name(const sdk::RawDocument& doc) { return doc.key.empty() ? doc.uri : doc.key; }

std::string sink_token_key(const std::string& pipeline, const std::string& stage) {
  return "host/" + pipeline + "/" + stage + "/commit_token";
}

class Run : public std::enable_shared_from_this<Run> {
 public:
  Run(PipelineConfig p, const PluginRegistry& registry, RunOptions options)
      : p_(std::move(p)),
        registry_(registry),
        options_(std::move(options)),
        // Idle workers wake for a quarter of the queue, the sink for a
        // batch's worth (at most half the queue).
        docs_(p_.queue_capacity, p_.queue_capacity / 4, kQueueGather),
        results_(p_.queue_capacity, std::min(p_.batch_size, p_.queue_capacity / 2), kQueueGather),
        // Enough for every document in flight; a larger one is not kept.
        spare_bytes_(p_.queue_capacity + p_.workers + 2, std::size_t{1} << 20) {
    router_config_.name = "(router)";
  }

  RunReport execute() {
    const auto started = Clock::now();
    report_.pipeline = p_.name;
    create_stages();
    std::int64_t run_id = options_.state_db ? options_.state_db->run_started(p_.name) : 0;
    recover_sinks();

    // Thread slots: sources, then workers, then the sink writer.
    const std::size_t n_sources = sources_.size();
    const std::size_t n_threads = n_sources + p_.workers + 1;
    std::unique_ptr<detail::CallWatchdog> watchdog;
    if (any_timeout()) {
      watchdog =
          std::make_unique<detail::CallWatchdog>(n_threads, [this](const auto& slot) { overrun(slot); });
      watchdog->start();
      watchdog_ = watchdog.get();
    }
    done_.assign(n_threads, false);
    std::vector<std::thread> threads;
    auto self = shared_from_this();
    // Shared, not on this stack: a source thread may be left behind (a call
    // past its time limit, or a stop's deadline) and finish after we return.
    auto sources_left = std::make_shared<std::atomic<std::size_t>>(n_sources);
    auto workers_left = std::make_shared<std::atomic<unsigned>>(p_.workers);
    for (std::size_t i = 0; i < n_sources; ++i) {
      threads.emplace_back([self, i, sources_left] {
        self->read_source(i);
        if (--*sources_left == 0) self->docs_.close();
        self->thread_done(i);
      });
    }
    for (unsigned w = 0; w < p_.workers; ++w) {
      threads.emplace_back([self, w, n_sources, workers_left] {
        self->work(w, n_sources + w);
        if (--*workers_left == 0) self->results_.close();
        self->thread_done(n_sources + w);
      });
    }
    threads.emplace_back([self, n_threads] {
      self->write_sinks(n_threads - 1);
      self->thread_done(n_threads - 1);
    });

    std::thread progress;
    std::atomic<bool> finished{false};
    if (options_.on_progress || options_.observer) {
      progress = std::thread([this, &finished] {
        while (!finished.load()) {
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          if (options_.on_progress)
            call_user("the on_progress callback",
                      [&] { options_.on_progress(p_.name, documents_.load(), delivered_.load()); });
          if (options_.observer)
            call_user("the run observer", [&] {
              options_.observer->queue_depth(p_, "documents", docs_.size());
              options_.observer->queue_depth(p_, "results", results_.size());
            });
        }
      });
    }
    wait_for_threads(threads, watchdog.get());
    finished = true;
    if (progress.joinable()) progress.join();
    if (watchdog) watchdog->stop();
    watchdog_ = nullptr;
    if (!sink_thread_hung_) close_sinks();

    report_.documents = documents_.load();
    report_.articles = delivered_.load();
    report_.stopped = stop_requested();
    report_.hung = hung_.load();
    merge_counts();
    report_.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (options_.state_db) record_run(run_id);
    return report_;
  }

 private:
  // ---- set-up ----
  template <class Interface>
  Instance<Interface> create(const StageConfig& s) {
    auto& ctx = contexts_.emplace_back(std::make_unique<detail::StageContext>(p_.name, s.name, options_));
    sdk::StageInit init;
    init.pipeline = p_.name;
    init.name = s.name;
    init.options = s.options;
    init.state = ctx->state();
    init.log = ctx->log();
    init.base_dir = options_.base_dir;
    try {
      std::shared_ptr<sdk::Stage> owner;
      if (options_.make_stage) owner = options_.make_stage(s, init);
      if (!owner) owner = registry_.create(*s.plugin, init);
      auto* stage = static_cast<Interface*>(owner.get());
      return {&s, std::move(owner), stage};
    } catch (const std::exception& e) {
      // The same type as a config load's errors: one catch covers both.
      throw ConfigErrors({ConfigError(s.position, e.what())});
    }
  }

  // Thread-safe stages are shared; others get one instance per worker.
  template <class Interface>
  std::vector<Instance<Interface>> per_worker(const StageConfig& s) {
    std::vector<Instance<Interface>> out;
    out.push_back(create<Interface>(s));
    for (unsigned w = 1; w < p_.workers; ++w)
      out.push_back(s.plugin->thread_safe() ? out.front() : create<Interface>(s));
    return out;
  }

  void create_stages() {
    if (options_.source_override) {
      override_source_config_.name = "replay";
      override_source_config_.plugin = nullptr;
      sources_.push_back(
          {&override_source_config_, options_.source_override, options_.source_override.get()});
    } else {
      for (const auto& s : p_.sources) sources_.push_back(create<sdk::Source>(s));
    }
    if (options_.parser_override) {
      override_parser_config_.name = "replay";
      parsers_.push_back(std::vector<Instance<sdk::Parser>>(
          p_.workers, {&override_parser_config_, options_.parser_override, options_.parser_override.get()}));
    } else {
      for (const auto& s : p_.parsers) parsers_.push_back(per_worker<sdk::Parser>(s));
      for (const auto& s : p_.enrichers) enrichers_.push_back(per_worker<sdk::Enricher>(s));
    }
    for (const auto& s : p_.sinks) {
      const auto& only = options_.only_sinks;
      if (only.empty() || std::find(only.begin(), only.end(), s.name) != only.end())
        sinks_.push_back(create<sdk::Sink>(s));
    }
    source_locks_ = std::vector<std::timed_mutex>(sources_.size());
    trackers_.resize(sources_.size());
    source_counts_.resize(sources_.size());
    parser_counts_.assign(p_.workers, std::vector<LocalCounts>(parsers_.size()));
    enricher_counts_.assign(p_.workers, std::vector<LocalCounts>(enrichers_.size()));
    sink_counts_.resize(sinks_.size());
    released_.assign(sources_.size(), 0);
  }

  // Sinks that cannot upsert roll back to their last committed position.
  // Whatever recover() changed in the stage state, and the first token of a
  // new sink, are stored before the first write, not with it.
  void recover_sinks() {
    if (!options_.state_db) return;
    for (auto& s : sinks_) {
      const auto key = sink_token_key(p_.name, s.config->name);
      const auto token = options_.state_db->get(key);
      const auto named = [&](const std::vector<std::string>& names) {
        return std::find(names.begin(), names.end(), s.config->name) != names.end();
      };
      try {
        if (named(options_.adopt_output)) {
          // The output as it is now counts as delivered: recovering to its
          // own current position cuts nothing.
          s.stage->recover(s.stage->commit_token());
          if (options_.log)
            options_.log->warn("sink '" + s.config->name + "': existing output adopted as committed");
        } else {
          s.stage->recover(named(options_.reset_output) ? std::string(sdk::kResetOutput)
                                                        : token.value_or(""));
        }
        // First run of this sink (or a settled one): record where it starts,
        // so a crash before the first checkpoint cuts back to here instead of
        // keeping the uncommitted batches (which the sources deliver again).
        if (!token || named(options_.adopt_output) || named(options_.reset_output))
          options_.state_db->put(key, s.stage->commit_token());
      } catch (const std::exception& e) {
        std::string message =
            "stage '" + s.config->name + "' could not recover its committed state: " + e.what();
        const auto command = "sluice run " + s.config->position.file + " --pipeline " + p_.name;
        message +=
            "\n  to count the existing output as already delivered (what the sources delivered "
            "before is not written again): " +
            command + " --adopt-output " + s.config->name +
            "\n  to empty it and write everything the sources deliver: " + command + " --reset-output " +
            s.config->name;
        throw ConfigErrors({ConfigError(s.config->position, message)});
      }
    }
    options_.state_db->flush();
  }

  bool any_timeout() const {
    for (const auto* list : {&p_.sources, &p_.parsers, &p_.enrichers, &p_.sinks})
      for (const auto& s : *list)
        if (s.policy.timeout_ms > 0) return true;
    return false;
  }

  // ---- failures ----
  // Records a failure for the report; the dead letter travels with its item
  // and is stored in the same transaction as that item's checkpoint.
  DeadLetter failure(const StageConfig& stage, const std::string& item, std::string error) {
    DeadLetter d;
    d.pipeline = p_.name;
    d.stage = stage.name;
    d.plugin = stage.plugin ? stage.plugin->name() : "host";
    d.plugin_version = stage.plugin ? stage.plugin->version() : "";
    d.error = std::move(error);
    d.item = item;
    d.time_ms = now_ms();
    std::lock_guard lock(failures_mu_);
    ++failed_;
    report_.failures.push_back({stage.name, item, d.error});
    if (options_.log) options_.log->warn("stage '" + stage.name + "' failed on " + item + ": " + d.error);
    return d;
  }

  // Without a state database the dead letter still travels with its item
  // (RunOptions::on_document reports it) but is not stored, so its input
  // is not serialised.
  void document_dead_letter(DeadLetter&& d, const sdk::RawDocument& doc, std::vector<DeadLetter>& out) {
    d.input_kind = "document";
    if (options_.state_db) d.input = detail::document_to_json(doc);
    d.attempts = replay_attempts(doc) + 1;
    out.push_back(std::move(d));
  }

  void fatal(std::string error) {
    std::lock_guard lock(failures_mu_);
    if (report_.fatal_error.empty()) report_.fatal_error = std::move(error);
    fatal_ = true;
    stop_or_fatal_ = true;
  }

  void observe(const StageConfig& stage, const char* kind, Clock::duration took, std::uint64_t in,
               std::uint64_t out, std::uint64_t failed) {
    if (options_.observer)
      call_user("the run observer", [&] {
        options_.observer->stage_call(
            p_, stage, kind, std::chrono::duration_cast<std::chrono::nanoseconds>(took), in, out, failed);
      });
  }

  // Embedder code (callbacks, the observer) runs on the runner's threads.
  // What it throws ends the run with a message: escaping a thread would end
  // the whole process (std::terminate).
  template <class F>
  bool call_user(const char* what, F&& f) {
    try {
      f();
      return true;
    } catch (...) {
      fatal(std::string(what) + " threw: " + what_of(std::current_exception()));
      docs_.close();
      return false;
    }
  }

  // A corrupt or unreadable state database fails every later read the same
  // way: not a blip to retry for minutes, but the end of the run, named as
  // such (whoever noticed it first: `who`).
  bool state_unusable(const std::string& who) {
    if (!options_.state_db || !options_.state_db->unusable()) return false;
    fatal("state database " + options_.state_db->path().string() +
          " cannot be used: " + options_.state_db->unusable_reason() + " (seen by " + who + ")");
    return true;
  }

  bool stop_requested() const { return options_.stop && options_.stop->load(); }
  bool abandon_requested() const { return options_.abandon && options_.abandon->load(); }

  // Once a run stops or fails, sources that can (SDK 1.2) are woken from a
  // next() that waits for data; older ones are left to return by themselves.
  void interrupt_sources() {
    if (sources_interrupted_.exchange(true)) return;
    for (auto& src : sources_) {
      const auto* plugin = src.config->plugin;
      if (plugin == nullptr || !plugin->can_interrupt()) continue;
      try {
        src.stage->interrupt();
      } catch (...) {
        if (options_.log)
          options_.log->warn("source '" + src.config->name +
                             "' threw from interrupt(): " + what_of(std::current_exception()));
      }
    }
  }

  // The queued work is given up (RunOptions::abandon): workers and the sink
  // thread drop what they hold instead of finishing it.
  void abandon_queues() {
    if (abandoning_.exchange(true)) return;
    stop_or_fatal_ = true;
    docs_.close();
    results_.close();
  }
  bool stopping() const { return fatal_.load() || stop_requested(); }

  void overrun(const detail::CallWatchdog::Slot& slot) {
    fatal("stage '" + slot.stage + "' exceeded its time limit of " + std::to_string(slot.limit_ms) +
          " ms on " + slot.item + "; the run was ended around it");
    hung_ = true;
    docs_.close();
    results_.close();
  }

  // ---- sources ----
  // A source declaring SLUICE_PLUGIN_FLAG_THREAD_SAFE is acknowledged while
  // next() runs: one that waits in next() for data to arrive (a Kafka
  // consumer, a stream) would otherwise hold up every acknowledgement, and
  // with it the sink thread, until its next document.
  bool acknowledged_concurrently(std::size_t i) const {
    const auto* plugin = sources_[i].config->plugin;
    return plugin != nullptr && plugin->thread_safe();
  }

  void read_source(std::size_t i) {
    auto& src = sources_[i];
    auto& counts = source_counts_[i];
    const auto& policy = src.config->policy;
    std::uint64_t seq = 0;
    detail::Backoff backoff(policy);
    while (!stopping()) {
      DocItem item{i, seq, {}};
      spare_bytes_.take(item.doc.bytes);
      bool more;
      const auto t0 = Clock::now();
      try {
        // The item's name is only built when a watchdog may report it.
        const bool watched = watchdog_ != nullptr && policy.timeout_ms > 0;
        detail::CallWatchdog::Call call(watchdog_, i, policy.timeout_ms, src.config->name,
                                        watched ? "document #" + std::to_string(seq + 1) : std::string());
        std::unique_lock lock(source_locks_[i], std::defer_lock);
        if (!acknowledged_concurrently(i)) lock.lock();
        more = src.stage->next(item.doc);
      } catch (...) {
        counts.time += Clock::now() - t0;
        const auto error = what_of(std::current_exception());
        if (state_unusable("source '" + src.config->name + "'")) break;
        if (options_.log)
          options_.log->warn("source '" + src.config->name + "' failed (attempt " +
                             std::to_string(backoff.attempts()) + "): " + error);
        if (backoff.wait(stop_or_fatal_)) continue;  // I/O may recover: try again
        if (stop_or_fatal_) break;                   // asked to stop: not this source's failure
        // Out of retries: this source has lost its place, so stop reading it.
        // What it delivered so far still flows and is acknowledged.
        ++counts.failed;
        failure(*src.config, "document #" + std::to_string(seq + 1), error);
        break;
      }
      const auto took = Clock::now() - t0;
      counts.time += took;
      backoff.reset();
      if (!more) break;
      observe(*src.config, "source", took, 0, 1, 0);
      ++counts.out;
      ++seq;
      ++documents_;
      if (!wait_for_window(i, item.seq) || !docs_.push(item)) break;
    }
  }

  // Bounded read-ahead: the sinks take each source's documents in order
  // (see write_sinks), so without a limit one slow document would let all
  // the later ones pile up in memory behind it.
  bool wait_for_window(std::size_t source, std::uint64_t seq) {
    const std::uint64_t window = 2 * p_.queue_capacity + p_.workers;
    std::unique_lock lock(order_mu_);
    while (seq >= released_[source] + window) {
      if (stopping()) return false;
      order_cv_.wait_for(lock, std::chrono::milliseconds(50));
    }
    return true;
  }

  // ---- workers ----
  class Collect : public sdk::ParseOutput {
   public:
    Collect(Run& run, const StageConfig& stage, const sdk::RawDocument& doc, ResultItem& out)
        : run_(run), stage_(stage), doc_(doc), out_(out) {}
    void article(sdk::Article&& a) override { out_.articles.push_back(std::move(a)); }
    void error(std::string message) override {
      run_.document_dead_letter(run_.failure(stage_, item_name(doc_), std::move(message)), doc_, out_.dead);
      ++errors;
    }
    std::uint64_t errors = 0;

   private:
    Run& run_;
    const StageConfig& stage_;
    const sdk::RawDocument& doc_;
    ResultItem& out_;
  };

  void work(unsigned w, std::size_t slot) {
    while (auto item = docs_.pop()) {
      if (abandoning_) break;
      ResultItem result{item->source, item->seq, std::move(item->doc.cursor),
                        {},           {},        replay_attempts(item->doc)};
      parse(w, slot, item->doc, result);
      enrich(w, slot, item->doc, result);
      spare_bytes_.give(item->doc.bytes);
      if (!results_.push(result)) break;
    }
  }

  void parse(unsigned w, std::size_t slot, const sdk::RawDocument& doc, ResultItem& result) {
    for (std::size_t i = 0; i < parsers_.size(); ++i) {
      auto& inst = parsers_[i][w];
      if (!options_.parser_override && !matches(inst.config->match, doc)) continue;
      auto& counts = parser_counts_[w][i];
      ++counts.in;
      Collect collect(*this, *inst.config, doc, result);
      const auto t0 = Clock::now();
      try {
        detail::CallWatchdog::Call call(watchdog_, slot, inst.config->policy.timeout_ms, inst.config->name,
                                        item_name(doc));
        inst.stage->parse(doc, collect);
      } catch (...) {
        result.articles.clear();  // a document that fails loses its partial output: no half documents
        ++counts.failed;
        document_dead_letter(failure(*inst.config, item_name(doc), what_of(std::current_exception())), doc,
                             result.dead);
      }
      const auto took = Clock::now() - t0;
      counts.time += took;
      counts.failed += collect.errors;
      if (const auto* keep = doc.meta.find(kReplayArticle); keep && keep->is_string()) {
        std::erase_if(result.articles, [&](const sdk::Article& a) { return a.id != keep->as_string(); });
      }
      counts.out += result.articles.size();
      observe(*inst.config, "parser", took, 1, result.articles.size(), result.dead.size());
      if (inst.config->plugin) {
        for (auto& a : result.articles)
          a.lineage.push_back(
              {inst.config->name, inst.config->plugin->name(), inst.config->plugin->version()});
      }
      return;
    }
    // A document the source could not read (meta "error") fails with the
    // source's reason, not with the routing consequence of having no type.
    const auto* source_error = doc.meta.find("error");
    document_dead_letter(
        failure(router_config_, item_name(doc),
                source_error != nullptr && source_error->is_string()
                    ? "the source could not read the document: " + source_error->as_string()
                    : "no parser matches this document (content type \"" + doc.content_type + "\")"),
        doc, result.dead);
  }

  void enrich(unsigned w, std::size_t slot, const sdk::RawDocument& doc, ResultItem& result) {
    auto& articles = result.articles;
    for (std::size_t i = 0; i < enrichers_.size() && !articles.empty(); ++i) {
      auto& inst = enrichers_[i][w];
      auto& counts = enricher_counts_[w][i];
      const auto& policy = inst.config->policy;
      const auto t0 = Clock::now();
      std::size_t kept = 0;
      const auto dropped_before = counts.dropped;
      for (auto& a : articles) {
        ++counts.in;
        try {
          detail::CallWatchdog::Call call(watchdog_, slot, policy.timeout_ms, inst.config->name, a.id);
          inst.stage->enrich(a);
          a.lineage.push_back(
              {inst.config->name, inst.config->plugin->name(), inst.config->plugin->version()});
          if (&articles[kept] != &a) articles[kept] = std::move(a);
          ++kept;
          ++counts.out;
        } catch (const sdk::ArticleDropped&) {
          // On purpose, not a failure: the article goes no further, and its
          // document is acknowledged like any other.
          ++counts.dropped;
        } catch (...) {
          ++counts.failed;
          // Replay re-parses the document and keeps just this article.
          auto d =
              failure(*inst.config, a.id.empty() ? item_name(doc) : a.id, what_of(std::current_exception()));
          sdk::RawDocument tagged = doc;
          tagged.meta[kReplayArticle] = a.id;
          document_dead_letter(std::move(d), tagged, result.dead);
        }
      }
      const std::size_t failed_here = articles.size() - kept - (counts.dropped - dropped_before);
      const auto in_here = articles.size();
      articles.resize(kept);
      const auto took = Clock::now() - t0;
      counts.time += took;
      observe(*inst.config, "enricher", took, in_here, kept, failed_here);
    }
  }

  // ---- sinks ----
  void write_sinks(std::size_t slot) {
    std::vector<ResultItem> pending;
    std::vector<sdk::Article> batch;
    std::vector<int> batch_attempts;  // per article, for sink dead letters
    std::size_t pending_articles = 0;
    Clock::time_point batch_started;
    // A sink's commit token is one position (the JSONL file's length), so a
    // batch must never hold document N+1 of a source while N is still with a
    // worker: the checkpoint stops before N, the token would not, and after a
    // crash N+1 stays in the file and is delivered again. Results therefore
    // reach the sinks in each source's delivery order.
    std::vector<std::map<std::uint64_t, ResultItem>> held(sources_.size());
    std::vector<std::uint64_t> next_seq(sources_.size(), 0);
    auto flush = [&] {
      if (abandoning_) pending.clear();  // given up: acknowledged by no one
      if (pending.empty()) return;
      batch.clear();
      batch_attempts.clear();
      for (auto& r : pending) {
        for (auto& a : r.articles) batch.push_back(std::move(a));
        batch_attempts.resize(batch.size(), r.attempts);
      }
      std::vector<DeadLetter> sink_dead;
      if (!batch.empty() && !write_batch(batch, batch_attempts, slot, sink_dead)) {
        pending.clear();  // not acknowledged: the next run delivers it again
        return;
      }
      if (!commit(pending, sink_dead)) {
        pending.clear();
        return;
      }
      delivered_ += batch.size();
      if (options_.on_document) report_documents(pending, batch, sink_dead);
      if (options_.on_article && !fatal_.load())
        call_user("the on_article callback", [&] {
          for (const auto& a : batch) options_.on_article(p_.name, a);
        });
      pending.clear();
    };
    auto release_in_order = [&](std::vector<ResultItem>& arrived) {
      for (auto& r : arrived) {
        auto& waiting = held[r.source];
        auto& next = next_seq[r.source];
        waiting.emplace(r.seq, std::move(r));
        for (auto it = waiting.begin(); it != waiting.end() && it->first == next;
             it = waiting.erase(it), ++next) {
          pending_articles += it->second.articles.size();
          pending.push_back(std::move(it->second));
          if (pending_articles >= p_.batch_size) {
            flush();
            pending_articles = 0;
            batch_started = Clock::now();
          }
        }
      }
      arrived.clear();
      // Once per arrival, not per item: sources waiting for their window.
      {
        std::lock_guard lock(order_mu_);
        released_ = next_seq;
      }
      order_cv_.notify_all();
    };
    const auto linger = std::chrono::milliseconds(p_.batch_timeout_ms);
    std::vector<ResultItem> arrived;
    for (;;) {
      // Fill the batch until it is full or has waited batch_timeout; a
      // closed, drained queue flushes at once.
      if (pending.empty()) {
        if (!results_.wait_not_empty()) break;  // closed and drained
        batch_started = Clock::now();
      }
      results_.pop_bulk(arrived, p_.queue_capacity, batch_started + linger);
      release_in_order(arrived);
      if (!pending.empty() && (Clock::now() - batch_started >= linger || results_.drained())) {
        flush();
        pending_articles = 0;
      }
    }
    flush();
  }

  // Writes one batch to every sink, retrying with backoff. A sink that still
  // fails either dead-letters the batch (on_failure = "dlq") or ends the run.
  bool write_batch(const std::vector<sdk::Article>& batch, const std::vector<int>& attempts, std::size_t slot,
                   std::vector<DeadLetter>& dead) {
    if (fatal_.load() || abandoned_) return false;
    for (std::size_t i = 0; i < sinks_.size(); ++i) {
      auto& sink = sinks_[i];
      auto& counts = sink_counts_[i];
      const auto& policy = sink.config->policy;
      counts.in += batch.size();
      detail::Backoff backoff(policy);
      for (;;) {
        const auto t0 = Clock::now();
        try {
          detail::CallWatchdog::Call call(watchdog_, slot, policy.timeout_ms, sink.config->name,
                                          "a batch of " + std::to_string(batch.size()) + " articles");
          sink.stage->write(batch);
          const auto took = Clock::now() - t0;
          counts.time += took;
          counts.out += batch.size();
          observe(*sink.config, "sink", took, batch.size(), batch.size(), 0);
          break;
        } catch (const sdk::RejectedArticles& rejected) {
          // The rest of the batch is stored; retrying would refuse the same
          // data again, so only these articles fail, for this sink alone.
          const auto took = Clock::now() - t0;
          counts.time += took;
          const auto n = reject_articles(*sink.config, batch, attempts, rejected, dead);
          counts.out += batch.size() - n;
          counts.failed += n;
          observe(*sink.config, "sink", took, batch.size(), batch.size() - n, n);
          if (policy.fail_run && n > 0) {
            fatal("sink '" + sink.config->name + "' " + rejected.what());
            docs_.close();
            return false;
          }
          break;
        } catch (...) {
          counts.time += Clock::now() - t0;
          if (watchdog_ && watchdog_->slot_fired(slot)) {
            sink_thread_hung_ = true;  // it returned after all, but the run has been ended
            return false;
          }
          const auto error = what_of(std::current_exception());
          if (is_storage_full(std::current_exception())) {
            // Waiting will not free the disk and dead letters would fill it
            // further: stop now; the batch stays unacknowledged for a rerun.
            counts.failed += batch.size();
            fatal("sink '" + sink.config->name + "' is out of space, run stopped: " + error);
            docs_.close();
            return false;
          }
          if (options_.log)
            options_.log->warn("sink '" + sink.config->name + "' failed (attempt " +
                               std::to_string(backoff.attempts()) + "): " + error);
          // A sink that says retrying cannot help (sdk::PermanentError, e.g. a
          // webhook answering 400) goes straight to on_failure.
          const bool permanent = is_permanent(std::current_exception());
          if (!permanent && backoff.wait(stop_or_fatal_)) continue;
          if (!permanent && stop_or_fatal_) {
            // Asked to stop while retrying: not the sink's failure. Leave the
            // batch unacknowledged and write nothing after it (that would pass
            // the checkpoint's gap), so the next run delivers it once.
            abandoned_ = true;
            return false;
          }
          counts.failed += batch.size();
          observe(*sink.config, "sink", Clock::now() - t0, batch.size(), 0, batch.size());
          if (policy.fail_run || !options_.state_db) {
            const auto n = backoff.attempts();
            fatal("sink '" + sink.config->name + "' failed after " + std::to_string(n) +
                  (n == 1 ? " attempt: " : " attempts: ") + error);
            docs_.close();  // nothing from this batch is acknowledged: a rerun delivers it again
            return false;
          }
          for (std::size_t k = 0; k < batch.size(); ++k) {
            auto d = failure(*sink.config, batch[k].id, error);
            d.input_kind = "article";
            d.input = sdk::json::to_json(batch[k]);
            d.attempts = attempts[k] + 1;
            dead.push_back(std::move(d));
          }
          break;
        }
      }
    }
    return true;
  }

  // Tells RunOptions::on_document what became of each document just
  // committed. `batch` holds their articles, in the items' order.
  void report_documents(const std::vector<ResultItem>& items, const std::vector<sdk::Article>& batch,
                        const std::vector<DeadLetter>& sink_dead) {
    std::size_t at = 0;
    for (const auto& r : items) {
      DocumentDone done{r.source, r.seq, r.articles.size(), {}};
      for (const auto& d : r.dead) done.errors.push_back("stage '" + d.stage + "': " + d.error);
      for (std::size_t k = at; k < at + r.articles.size() && k < batch.size(); ++k)
        for (const auto& d : sink_dead)
          if (d.item == batch[k].id) done.errors.push_back("stage '" + d.stage + "': " + d.error);
      at += r.articles.size();
      if (!call_user("the on_document callback", [&] { options_.on_document(done); })) return;
    }
  }

  // Dead-letters the articles a sink refused (sdk::RejectedArticles) with
  // their canonical JSON, so `sluice dlq replay` retries them on that sink.
  // Returns how many articles of `batch` were refused.
  std::size_t reject_articles(const StageConfig& sink, const std::vector<sdk::Article>& batch,
                              const std::vector<int>& attempts, const sdk::RejectedArticles& rejected,
                              std::vector<DeadLetter>& dead) {
    std::vector<bool> taken(batch.size(), false);
    std::size_t n = 0;
    for (const auto& r : rejected.rejections()) {
      const auto it = std::find_if(batch.begin(), batch.end(), [&](const sdk::Article& a) {
        return a.id == r.id && !taken[static_cast<std::size_t>(&a - batch.data())];
      });
      if (it == batch.end()) continue;  // not from this batch: nothing to keep
      const auto k = static_cast<std::size_t>(it - batch.begin());
      taken[k] = true;
      ++n;
      auto d = failure(sink, r.id, r.error);
      if (!options_.state_db) continue;
      d.input_kind = "article";
      d.input = sdk::json::to_json(batch[k]);
      d.attempts = attempts[k] + 1;
      dead.push_back(std::move(d));
    }
    return n;
  }

  // Acknowledges the flushed items: in one state transaction the sources'
  // checkpoints advance, the sinks' commit tokens and the dead letters are
  // stored. A crash before it commits redelivers the items; after, they are
  // done. Without a state database the sources are just acknowledged.
  bool commit(std::vector<ResultItem>& items, std::vector<DeadLetter>& sink_dead) {
    std::vector<std::optional<std::string>> advanced(sources_.size());
    for (auto& r : items) {
      if (auto c = trackers_[r.source].complete(r.seq, std::move(r.cursor)))
        advanced[r.source] = std::move(c);
    }
    // Source locks before the database lock: a source thread inside next()
    // holds its lock and may read state, so the opposite order could deadlock.
    std::vector<std::unique_lock<std::timed_mutex>> locks;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      if (!advanced[i] || acknowledged_concurrently(i)) continue;
      std::unique_lock lock(source_locks_[i], std::defer_lock);
      while (!lock.try_lock_for(std::chrono::milliseconds(100))) {
        // That source is stuck in next(), or the stop's deadline passed
        // while it waits: leave it unacknowledged (a rerun delivers again).
        if (hung_ || abandoning_) return false;
      }
      locks.push_back(std::move(lock));
    }
    auto* db = options_.state_db;
    try {
      if (db) db->begin();
      for (std::size_t i = 0; i < sources_.size(); ++i) {
        if (!advanced[i]) continue;
        try {
          sources_[i].stage->acknowledge(*advanced[i]);
        } catch (...) {
          failure(*sources_[i].config, "acknowledge " + *advanced[i], what_of(std::current_exception()));
        }
      }
      if (db) {
        for (auto& s : sinks_) db->put(sink_token_key(p_.name, s.config->name), s.stage->commit_token());
        auto store = [&](const DeadLetter& d) {
          db->add_dead_letter(d);
          ++dead_lettered_;
        };
        std::for_each(sink_dead.begin(), sink_dead.end(), store);
        for (auto& r : items) std::for_each(r.dead.begin(), r.dead.end(), store);
        db->commit();
      }
    } catch (const std::exception& e) {
      if (db) {
        db->rollback();
        // The run ends here: none of this checkpoint may be stored later
        // without its dead letters, so its writes are dropped, not kept.
        db->discard_pending();
      }
      fatal(std::string("cannot commit checkpoint to the state database: ") + e.what());
      docs_.close();
      return false;
    }
    return true;
  }

  void close_sinks() {
    for (auto& s : sinks_) {
      try {
        s.stage->close();
      } catch (...) {
        fatal("sink '" + s.config->name + "' failed to close: " + what_of(std::current_exception()));
      }
    }
  }

  // ---- threads ----
  void thread_done(std::size_t slot) {
    {
      std::lock_guard lock(done_mu_);
      done_[slot] = true;
    }
    done_cv_.notify_all();
  }

  // Joins every thread, except one stuck in a stage call past its time
  // limit: that one is detached (it holds a reference to this run).
  void wait_for_threads(std::vector<std::thread>& threads, detail::CallWatchdog* watchdog) {
    std::unique_lock lock(done_mu_);
    for (;;) {
      // Wake the runner's own waits when a stop is requested from outside.
      if (stop_requested() || fatal_.load()) {
        stop_or_fatal_ = true;
        interrupt_sources();
      }
      if (abandon_requested()) abandon_queues();
      bool all = true;
      for (std::size_t i = 0; i < threads.size(); ++i)
        if (!done_[i] && !(watchdog && watchdog->slot_fired(i)) && !left_behind(i)) all = false;
      if (all) break;
      done_cv_.wait_for(lock, std::chrono::milliseconds(50));
    }
    for (std::size_t i = 0; i < threads.size(); ++i) {
      if (done_[i]) {
        threads[i].join();
      } else {
        if (i == threads.size() - 1) sink_thread_hung_ = true;
        if (left_behind(i) && options_.log)
          options_.log->warn("source '" + sources_[i].config->name +
                             "' was still in next() when the stop's deadline passed; its thread is left to "
                             "finish on its own (the plugin predates Source::interrupt() or ignores it)");
        threads[i].detach();
      }
    }
  }

  // Once the queued work is abandoned, a source thread still waiting in
  // next() (one that cannot be interrupted) is not waited for: nothing it
  // reads now would be used.
  bool left_behind(std::size_t slot) const { return abandoning_ && slot < sources_.size(); }

  // ---- report ----
  void add_counts(const StageConfig& s, const char* kind, const std::vector<const LocalCounts*>& parts) {
    StageCounts c{s.name, s.plugin ? s.plugin->name() : "host", kind, 0, 0, 0, 0};
    for (const auto* part : parts) {
      c.in += part->in;
      c.out += part->out;
      c.failed += part->failed;
      c.dropped += part->dropped;
      c.seconds += std::chrono::duration<double>(part->time).count();
    }
    report_.stages.push_back(std::move(c));
  }

  void merge_counts() {
    std::lock_guard lock(failures_mu_);
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      auto c = source_counts_[i];
      c.in = c.out;
      add_counts(*sources_[i].config, "source", {&c});
    }
    auto per_stage = [&](auto& instances, auto& counts, const char* kind) {
      for (std::size_t i = 0; i < instances.size(); ++i) {
        std::vector<const LocalCounts*> parts;
        for (unsigned w = 0; w < p_.workers; ++w) parts.push_back(&counts[w][i]);
        add_counts(*instances[i][0].config, kind, parts);
      }
    };
    per_stage(parsers_, parser_counts_, "parser");
    per_stage(enrichers_, enricher_counts_, "enricher");
    for (std::size_t i = 0; i < sinks_.size(); ++i) add_counts(*sinks_[i].config, "sink", {&sink_counts_[i]});
    report_.failed = failed_;
    report_.dead_lettered = dead_lettered_;
    for (const auto& c : report_.stages) report_.dropped += c.dropped;
  }

  void record_run(std::int64_t id) {
    RunRecord r;
    r.id = id;
    r.pipeline = p_.name;
    r.status = !report_.fatal_error.empty() ? "failed"
               : report_.stopped            ? "stopped"
               : report_.failed             ? "partial"
                                            : "ok";
    r.documents = report_.documents;
    r.articles = report_.articles;
    r.failed = report_.failed;
    r.dead_lettered = report_.dead_lettered;
    r.error = report_.fatal_error;
    try {
      options_.state_db->run_finished(r);
    } catch (const std::exception& e) {
      if (options_.log) options_.log->warn(std::string("cannot record run history: ") + e.what());
    }
  }

  // Copies: a thread abandoned in a hung stage call may outlive the caller.
  const PipelineConfig p_;
  const PluginRegistry& registry_;
  const RunOptions options_;
  RunReport report_;
  StageConfig override_source_config_, override_parser_config_, router_config_;

  std::vector<std::unique_ptr<detail::StageContext>> contexts_;
  std::vector<Instance<sdk::Source>> sources_;
  std::vector<std::timed_mutex> source_locks_;
  std::vector<detail::CheckpointTracker> trackers_;
  std::vector<std::vector<Instance<sdk::Parser>>> parsers_;      // [stage][worker]
  std::vector<std::vector<Instance<sdk::Enricher>>> enrichers_;  // [stage][worker]
  std::vector<Instance<sdk::Sink>> sinks_;

  std::vector<LocalCounts> source_counts_, sink_counts_;
  std::vector<std::vector<LocalCounts>> parser_counts_, enricher_counts_;  // [worker][stage]

  detail::BoundedQueue<DocItem> docs_;
  detail::BoundedQueue<ResultItem> results_;
  detail::BufferPool spare_bytes_;  // document buffers back from the workers
  detail::CallWatchdog* watchdog_ = nullptr;
  std::atomic<std::uint64_t> documents_{0}, delivered_{0};
  std::atomic<bool> fatal_{false};
  std::atomic<bool> stop_or_fatal_{false};  // what retry waits watch
  std::atomic<bool> sources_interrupted_{false};
  std::atomic<bool> abandoning_{false};  // RunOptions::abandon was seen
  bool sink_thread_hung_ = false;
  bool abandoned_ = false;  // sink thread only: a batch was given up on a stop
  std::atomic<bool> hung_{false};
  std::mutex failures_mu_;
  std::uint64_t failed_ = 0, dead_lettered_ = 0;

  // Per source, documents released to the sinks in order (write_sinks).
  std::vector<std::uint64_t> released_;
  std::mutex order_mu_;
  std::condition_variable order_cv_;

  std::mutex done_mu_;
  std::condition_variable done_cv_;
  std::vector<bool> done_;
};

}  // namespace

RunReport run_pipeline(const PipelineConfig& pipeline, const PluginRegistry& registry,
                       const RunOptions& options) {
  auto run = std::make_shared<Run>(pipeline, registry, options);
  return run->execute();
}

std::string format_report(const RunReport& r) {
  std::string out;
  char line[256];
  std::snprintf(
      line, sizeof line, "pipeline %s: %llu documents, %llu articles delivered, %llu failed, %.3f s\n",
      r.pipeline.c_str(), static_cast<unsigned long long>(r.documents),
      static_cast<unsigned long long>(r.articles), static_cast<unsigned long long>(r.failed), r.wall_seconds);
  out += line;
  std::snprintf(line, sizeof line, "  %-9s %-20s %-14s %10s %10s %8s %9s\n", "kind", "stage", "plugin", "in",
                "out", "failed", "seconds");
  out += line;
  for (const auto& s : r.stages) {
    std::snprintf(line, sizeof line, "  %-9s %-20s %-14s %10llu %10llu %8llu %9.3f\n", s.kind.c_str(),
                  s.stage.c_str(), s.plugin.c_str(), static_cast<unsigned long long>(s.in),
                  static_cast<unsigned long long>(s.out), static_cast<unsigned long long>(s.failed),
                  s.seconds);
    out += line;
  }
  for (const auto& s : r.stages)
    if (s.dropped > 0)
      out += "  stage '" + s.stage + "' dropped " + std::to_string(s.dropped) + " article(s) on purpose\n";
  constexpr std::size_t kShownFailures = 20;
  for (std::size_t i = 0; i < r.failures.size() && i < kShownFailures; ++i) {
    const auto& f = r.failures[i];
    out += "  failed: stage '" + f.stage + "' on " + f.item + ": " + f.error + "\n";
  }
  if (r.failures.size() > kShownFailures)
    out += "  ... and " + std::to_string(r.failures.size() - kShownFailures) + " more failures\n";
  if (r.dead_lettered > 0)
    out += "  " + std::to_string(r.dead_lettered) + " item(s) in the dead-letter store: `sluice dlq list`\n";
  if (!r.fatal_error.empty()) out += "  run failed: " + r.fatal_error + "\n";
  if (r.stopped)
    out +=
        "  stopped before the input was exhausted: the work in flight was committed; a rerun continues from "
        "there\n";
  return out;
}

}  // namespace sluice::host
