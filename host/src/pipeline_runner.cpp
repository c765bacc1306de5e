#include "sluice/host/pipeline_runner.hpp"

#include <fnmatch.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "bounded_queue.hpp"
#include "checkpoint_tracker.hpp"
#include "stage_context.hpp"

namespace sluice::host {
namespace {

using Clock = std::chrono::steady_clock;

struct DocItem {
  std::size_t source = 0;  // index into the pipeline's sources
  std::uint64_t seq = 0;   // per-source delivery order
  sdk::RawDocument doc;
};

struct ResultItem {
  std::size_t source = 0;
  std::uint64_t seq = 0;
  std::string cursor;
  std::vector<sdk::Article> articles;
};

// Counters one thread owns while it runs, merged into the report at the end
// so the hot path never shares a cache line between workers.
struct LocalCounts {
  std::uint64_t in = 0, out = 0, failed = 0;
  Clock::duration time{};
};

// A created stage plus the plugin it came from.
template <class Interface>
struct Instance {
  const StageConfig* config = nullptr;
  std::shared_ptr<sdk::Stage> owner;
  Interface* stage = nullptr;
};

bool matches(const std::vector<std::string>& patterns, const sdk::RawDocument& doc) {
  if (patterns.empty()) return true;
  const auto slash = doc.key.find_last_of('/');
  const std::string base = slash == std::string::npos ? doc.key : doc.key.substr(slash + 1);
  for (const auto& p : patterns) {
    if (!doc.content_type.empty() && fnmatch(p.c_str(), doc.content_type.c_str(), 0) == 0) return true;
    if (fnmatch(p.c_str(), base.c_str(), 0) == 0) return true;
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

class Run {
 public:
  Run(const PipelineConfig& p, const PluginRegistry& registry, const RunOptions& options)
      : p_(p), registry_(registry), options_(options), docs_(p.queue_capacity), results_(p.queue_capacity) {}

  RunReport execute() {
    const auto started = Clock::now();
    report_.pipeline = p_.name;
    create_stages();

    std::vector<std::thread> threads;
    std::atomic<std::size_t> sources_left{sources_.size()};
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      threads.emplace_back([this, i, &sources_left] {
        read_source(i);
        if (--sources_left == 0) docs_.close();
      });
    }
    std::atomic<unsigned> workers_left{p_.workers};
    for (unsigned w = 0; w < p_.workers; ++w) {
      threads.emplace_back([this, w, &workers_left] {
        work(w);
        if (--workers_left == 0) results_.close();
      });
    }
    std::thread progress;
    std::atomic<bool> finished{false};
    if (options_.on_progress) {
      progress = std::thread([this, &finished] {
        while (!finished.load()) {
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          options_.on_progress(documents_.load(), delivered_.load());
        }
      });
    }
    write_sinks();  // on this thread: sinks see one caller, in order
    for (auto& t : threads) t.join();
    finished = true;
    if (progress.joinable()) progress.join();
    close_sinks();

    report_.documents = documents_.load();
    report_.articles = delivered_.load();
    merge_counts();
    report_.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return std::move(report_);
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
      auto owner = registry_.create(*s.plugin, init);
      auto* stage = static_cast<Interface*>(owner.get());
      return {&s, std::move(owner), stage};
    } catch (const std::exception& e) {
      throw ConfigError(s.position, e.what());
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
    for (const auto& s : p_.sources) sources_.push_back(create<sdk::Source>(s));
    source_locks_ = std::vector<std::mutex>(sources_.size());
    trackers_.resize(sources_.size());
    for (const auto& s : p_.parsers) parsers_.push_back(per_worker<sdk::Parser>(s));
    for (const auto& s : p_.enrichers) enrichers_.push_back(per_worker<sdk::Enricher>(s));
    for (const auto& s : p_.sinks) sinks_.push_back(create<sdk::Sink>(s));
    source_counts_.resize(sources_.size());
    parser_counts_.assign(p_.workers, std::vector<LocalCounts>(parsers_.size()));
    enricher_counts_.assign(p_.workers, std::vector<LocalCounts>(enrichers_.size()));
    sink_counts_.resize(sinks_.size());
  }

  void fail(const std::string& stage, const std::string& item, std::string error) {
    std::lock_guard lock(failures_mu_);
    ++failed_;
    report_.failures.push_back({stage, item, std::move(error)});
    if (options_.log) options_.log->warn("stage '" + stage + "' failed on " + item + ": " + report_.failures.back().error);
  }

  bool stopping() const { return options_.stop && options_.stop->load(); }

  // ---- sources ----
  void read_source(std::size_t i) {
    auto& src = sources_[i];
    auto& counts = source_counts_[i];
    std::uint64_t seq = 0;
    while (!stopping() && !fatal_.load()) {
      DocItem item{i, seq, {}};
      bool more;
      const auto t0 = Clock::now();
      try {
        std::lock_guard lock(source_locks_[i]);
        more = src.stage->next(item.doc);
      } catch (...) {
        counts.time += Clock::now() - t0;
        ++counts.failed;
        // A source that throws has lost its place: stop reading it rather
        // than guess. What it delivered so far still flows and is acknowledged.
        fail(src.config->name, "document #" + std::to_string(seq + 1), what_of(std::current_exception()));
        break;
      }
      counts.time += Clock::now() - t0;
      if (!more) break;
      ++counts.out;
      ++seq;
      ++documents_;
      if (!docs_.push(item)) break;
    }
  }

  // ---- workers ----
  class Collect : public sdk::ParseOutput {
   public:
    Collect(Run& run, const std::string& stage, const std::string& key, std::vector<sdk::Article>& out)
        : run_(run), stage_(stage), key_(key), out_(out) {}
    void article(sdk::Article&& a) override { out_.push_back(std::move(a)); }
    void error(std::string message) override { run_.fail(stage_, key_, std::move(message)); ++errors; }
    std::uint64_t errors = 0;

   private:
    Run& run_;
    const std::string& stage_;
    const std::string& key_;
    std::vector<sdk::Article>& out_;
  };

  void work(unsigned w) {
    while (auto item = docs_.pop()) {
      ResultItem result{item->source, item->seq, std::move(item->doc.cursor), {}};
      parse(w, item->doc, result.articles);
      enrich(w, item->doc.key, result.articles);
      if (!results_.push(result)) break;
    }
  }

  void parse(unsigned w, const sdk::RawDocument& doc, std::vector<sdk::Article>& out) {
    for (std::size_t i = 0; i < parsers_.size(); ++i) {
      auto& inst = parsers_[i][w];
      if (!matches(inst.config->match, doc)) continue;
      auto& counts = parser_counts_[w][i];
      ++counts.in;
      Collect collect(*this, inst.config->name, doc.key, out);
      const auto t0 = Clock::now();
      try {
        inst.stage->parse(doc, collect);
      } catch (...) {
        out.clear();  // a document that fails loses its partial output: no half documents
        ++counts.failed;
        fail(inst.config->name, doc.key.empty() ? doc.uri : doc.key, what_of(std::current_exception()));
      }
      counts.time += Clock::now() - t0;
      counts.failed += collect.errors;
      counts.out += out.size();
      for (auto& a : out) {
        a.lineage.push_back({inst.config->name, inst.config->plugin->name(), inst.config->plugin->version()});
      }
      return;
    }
    fail("(router)", doc.key.empty() ? doc.uri : doc.key, "no parser matches this document (content type \"" +
                                                          doc.content_type + "\")");
  }

  void enrich(unsigned w, const std::string& key, std::vector<sdk::Article>& articles) {
    for (std::size_t i = 0; i < enrichers_.size() && !articles.empty(); ++i) {
      auto& inst = enrichers_[i][w];
      auto& counts = enricher_counts_[w][i];
      const auto t0 = Clock::now();
      std::size_t kept = 0;
      for (auto& a : articles) {
        ++counts.in;
        try {
          inst.stage->enrich(a);
          a.lineage.push_back({inst.config->name, inst.config->plugin->name(), inst.config->plugin->version()});
          if (&articles[kept] != &a) articles[kept] = std::move(a);
          ++kept;
          ++counts.out;
        } catch (...) {
          ++counts.failed;
          fail(inst.config->name, a.id.empty() ? key : a.id, what_of(std::current_exception()));
        }
      }
      articles.resize(kept);
      counts.time += Clock::now() - t0;
    }
  }

  // ---- sinks ----
  void write_sinks() {
    std::vector<ResultItem> pending;
    std::vector<sdk::Article> batch;
    auto flush = [&] {
      if (pending.empty()) return;
      batch.clear();
      for (auto& r : pending)
        for (auto& a : r.articles) batch.push_back(std::move(a));
      if (!batch.empty() && !write_batch(batch)) {
        pending.clear();
        return;
      }
      delivered_ += batch.size();
      if (options_.on_article)
        for (const auto& a : batch) options_.on_article(a);
      for (auto& r : pending) acknowledge(r);
      pending.clear();
    };
    std::size_t pending_articles = 0;
    for (;;) {
      // Fill the batch while results flow; flush as soon as the queue runs
      // dry so a slow trickle is not held back waiting for a full batch.
      auto item = pending.empty() ? results_.pop() : results_.try_pop();
      if (!item) {
        if (pending.empty()) break;  // closed and drained
        flush();
        pending_articles = 0;
        continue;
      }
      pending_articles += item->articles.size();
      pending.push_back(std::move(*item));
      if (pending_articles >= p_.batch_size) {
        flush();
        pending_articles = 0;
      }
    }
    flush();
  }

  bool write_batch(const std::vector<sdk::Article>& batch) {
    if (fatal_.load()) return false;
    for (std::size_t i = 0; i < sinks_.size(); ++i) {
      auto& counts = sink_counts_[i];
      counts.in += batch.size();
      const auto t0 = Clock::now();
      try {
        sinks_[i].stage->write(batch);
        counts.out += batch.size();
      } catch (...) {
        counts.failed += batch.size();
        counts.time += Clock::now() - t0;
        const auto error = what_of(std::current_exception());
        report_.fatal_error = "sink '" + sinks_[i].config->name + "' failed: " + error;
        fatal_ = true;
        // Nothing from this batch is acknowledged: a rerun delivers it again.
        docs_.close();
        return false;
      }
      counts.time += Clock::now() - t0;
    }
    return true;
  }

  void acknowledge(ResultItem& r) {
    auto cursor = trackers_[r.source].complete(r.seq, std::move(r.cursor));
    if (!cursor) return;
    auto& src = sources_[r.source];
    try {
      std::lock_guard lock(source_locks_[r.source]);
      src.stage->acknowledge(*cursor);
    } catch (...) {
      fail(src.config->name, "acknowledge " + *cursor, what_of(std::current_exception()));
    }
  }

  void close_sinks() {
    for (auto& s : sinks_) {
      try {
        s.stage->close();
      } catch (...) {
        if (report_.fatal_error.empty())
          report_.fatal_error = "sink '" + s.config->name + "' failed to close: " + what_of(std::current_exception());
      }
    }
  }

  // ---- report ----
  void add_counts(const StageConfig& s, const char* kind, const std::vector<const LocalCounts*>& parts) {
    StageCounts c{s.name, s.plugin->name(), kind};
    for (const auto* p : parts) {
      c.in += p->in;
      c.out += p->out;
      c.failed += p->failed;
      c.seconds += std::chrono::duration<double>(p->time).count();
    }
    report_.stages.push_back(std::move(c));
  }

  void merge_counts() {
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
  }

  const PipelineConfig& p_;
  const PluginRegistry& registry_;
  const RunOptions& options_;
  RunReport report_;

  std::vector<std::unique_ptr<detail::StageContext>> contexts_;
  std::vector<Instance<sdk::Source>> sources_;
  std::vector<std::mutex> source_locks_;
  std::vector<detail::CheckpointTracker> trackers_;
  std::vector<std::vector<Instance<sdk::Parser>>> parsers_;      // [stage][worker]
  std::vector<std::vector<Instance<sdk::Enricher>>> enrichers_;  // [stage][worker]
  std::vector<Instance<sdk::Sink>> sinks_;

  std::vector<LocalCounts> source_counts_, sink_counts_;
  std::vector<std::vector<LocalCounts>> parser_counts_, enricher_counts_;  // [worker][stage]

  detail::BoundedQueue<DocItem> docs_;
  detail::BoundedQueue<ResultItem> results_;
  std::atomic<std::uint64_t> documents_{0}, delivered_{0};
  std::atomic<bool> fatal_{false};
  std::mutex failures_mu_;
  std::uint64_t failed_ = 0;
};

}  // namespace

RunReport run_pipeline(const PipelineConfig& pipeline, const PluginRegistry& registry, const RunOptions& options) {
  Run run(pipeline, registry, options);
  return run.execute();
}

std::string format_report(const RunReport& r) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "pipeline %s: %llu documents, %llu articles delivered, %llu failed, %.3f s\n",
                r.pipeline.c_str(), static_cast<unsigned long long>(r.documents),
                static_cast<unsigned long long>(r.articles), static_cast<unsigned long long>(r.failed),
                r.wall_seconds);
  out += line;
  std::snprintf(line, sizeof line, "  %-9s %-20s %-14s %10s %10s %8s %9s\n", "kind", "stage", "plugin", "in", "out",
                "failed", "seconds");
  out += line;
  for (const auto& s : r.stages) {
    std::snprintf(line, sizeof line, "  %-9s %-20s %-14s %10llu %10llu %8llu %9.3f\n", s.kind.c_str(),
                  s.stage.c_str(), s.plugin.c_str(), static_cast<unsigned long long>(s.in),
                  static_cast<unsigned long long>(s.out), static_cast<unsigned long long>(s.failed), s.seconds);
    out += line;
  }
  for (const auto& f : r.failures) out += "  failed: stage '" + f.stage + "' on " + f.item + ": " + f.error + "\n";
  if (!r.fatal_error.empty()) out += "  run failed: " + r.fatal_error + "\n";
  return out;
}

}  // namespace sluice::host
