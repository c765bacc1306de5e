// The four stage interfaces a plugin implements, and what the host hands a
// stage when it creates one.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/value.hpp"
#include "sluice/sdk/visibility.h"

namespace sluice::sdk {

// Option values after the host validated them against the declared schema
// and filled in defaults: a stage can read them without re-checking types.
// durations arrive as milliseconds, sizes as bytes, lists as string lists.
class SLUICE_SDK_VISIBLE Options {
 public:
  Options() = default;
  explicit Options(Map values) : values_(std::move(values)) {}

  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  const Value& value(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw std::out_of_range("option '" + std::string(name) + "' is not set");
    return it->second;
  }
  const std::string& string(std::string_view n) const { return value(n).as_string(); }
  std::int64_t integer(std::string_view n) const { return value(n).as_int(); }
  double number(std::string_view n) const { return value(n).as_double(); }
  bool boolean(std::string_view n) const { return value(n).as_bool(); }
  std::chrono::milliseconds duration(std::string_view n) const {
    return std::chrono::milliseconds(value(n).as_int());
  }
  std::uint64_t size(std::string_view n) const { return static_cast<std::uint64_t>(value(n).as_int()); }
  std::vector<std::string> strings(std::string_view n) const {
    std::vector<std::string> out;
    for (const auto& v : value(n).as_list()) out.push_back(v.as_string());
    return out;
  }
  const Map& all() const { return values_; }

 private:
  Map values_;
};

// Small persistent key/value space the host gives each stage (backed by the
// state database). Keys are private to the stage's pipeline and name.
class SLUICE_SDK_VISIBLE StateStore {
 public:
  virtual ~StateStore() = default;
  virtual std::optional<std::string> get(std::string_view key) = 0;
  virtual void put(std::string_view key, std::string_view value) = 0;
  virtual void erase(std::string_view key) = 0;
};

// Logging back into the host's log, tagged with the stage name.
class SLUICE_SDK_VISIBLE Log {
 public:
  virtual ~Log() = default;
  virtual void info(std::string_view message) = 0;
  virtual void warn(std::string_view message) = 0;
};

// Everything a stage constructor receives. Pointers stay valid for the
// stage's lifetime; `state` and `log` may be null when run without a host
// (e.g. in a unit test).
struct StageInit {
  std::string pipeline;  // pipeline name
  std::string name;      // stage name (unique within the pipeline)
  Options options;
  StateStore* state = nullptr;
  Log* log = nullptr;
  std::string base_dir;  // directory of the config file, for relative paths
};

class SLUICE_SDK_VISIBLE Stage {
 public:
  virtual ~Stage() = default;
};

// Produces raw documents. Called from one thread (with
// SLUICE_PLUGIN_FLAG_THREAD_SAFE, acknowledge() may run on another while
// next() waits).
class SLUICE_SDK_VISIBLE Source : public Stage {
 public:
  // Fill `out` with the next document and return true, or return false when
  // the source has nothing more for this run.
  virtual bool next(RawDocument& out) = 0;
  // Every sink has durably stored all articles from the documents up to and
  // including the one carrying `cursor` (acknowledged in delivery order).
  // A source persists its progress here so a restart resumes after it.
  virtual void acknowledge(std::string_view cursor) { (void)cursor; }

  // --- SDK ABI 1.2 (appended: older plugins' tables end above) ---
  // The run is stopping: a next() that waits for data (a socket, a pipe, a
  // broker) should return soon, with false or with a document it already
  // has. Called from another thread, possibly while next() is not running,
  // possibly more than once; it must not block or throw. After it, next()
  // returns promptly on every call. The default does nothing: the host then
  // waits for next() to return by itself. The host calls it only on plugins
  // built against SDK 1.2 or later.
  virtual void interrupt() {}
};

// Where a parser puts what it found in one document.
class SLUICE_SDK_VISIBLE ParseOutput {
 public:
  virtual ~ParseOutput() = default;
  virtual void article(Article&& a) = 0;
  // A part of the document (e.g. one feed item) could not be parsed; the
  // rest still counts. Whole-document failures are thrown instead.
  virtual void error(std::string message) = 0;
};

// Turns a raw document into zero, one or many articles. Throwing
// sluice::sdk::StageError (or any std::exception) fails the document.
class SLUICE_SDK_VISIBLE Parser : public Stage {
 public:
  virtual void parse(const RawDocument& doc, ParseOutput& out) = 0;
};

// Adds to an article in place. Throwing fails that article only.
class SLUICE_SDK_VISIBLE Enricher : public Stage {
 public:
  virtual void enrich(Article& article) = 0;
};

// Stores batches. write() returns only once the batch is durable: that is
// the acknowledgement the host's checkpointing relies on.
class SLUICE_SDK_VISIBLE Sink : public Stage {
 public:
  virtual void write(std::span<const Article> batch) = 0;
  // Called once at the end of a run, after the last write().
  virtual void close() {}

  // Exactly-once support for stores that cannot upsert (files, streams).
  // After each acknowledged batch the host saves commit_token() in the same
  // state transaction as the sources' checkpoints; at the start of the next
  // run it passes the saved token to recover() before any write(), and the
  // sink discards whatever it wrote after that point (e.g. truncates a file
  // to the saved length). Idempotent sinks (upsert by id) need neither.
  //
  // recover("") means no token is recorded for this sink: its first run, or
  // the state database was lost or reset while the sources may deliver
  // everything again. A sink that then finds output it cannot account for
  // should throw rather than write it a second time; the operator settles it
  // with `sluice run --adopt-output` (the host passes the sink its own
  // current commit_token(), so nothing is cut, and records it) or
  // `--reset-output` (the host passes kResetOutput). See docs/reliability.md.
  virtual std::string commit_token() { return {}; }
  virtual void recover(std::string_view token) { (void)token; }
};

// The token recover() receives when the operator asked to start this sink's
// output over (`sluice run --reset-output STAGE`): a sink holding a file or
// stream position empties its output; an idempotent sink may ignore it.
inline constexpr std::string_view kResetOutput = "sluice:reset-output";

// An error a stage raises on purpose, with a message meant for the operator.
class SLUICE_SDK_VISIBLE StageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by Sink::write() when the store took the batch except for some
// articles it refused for their content (a value the store cannot hold, a
// constraint), not for being unreachable. Everything else in the batch is
// durable. The host does not retry (the same data would fail again): it
// counts the others as written and dead-letters only these, naming each id
// (with the article, so `sluice dlq replay` retries them on this sink).
// Available from SDK ABI 1.1.
class SLUICE_SDK_VISIBLE RejectedArticles : public StageError {
 public:
  struct Rejection {
    std::string id;     // Article::id
    std::string error;  // why the store refused it
  };
  explicit RejectedArticles(std::vector<Rejection> rejections)
      : StageError(summary(rejections)), rejections_(std::move(rejections)) {}
  const std::vector<Rejection>& rejections() const { return rejections_; }

 private:
  static std::string summary(const std::vector<Rejection>& r) {
    std::string s = std::to_string(r.size()) + (r.size() == 1 ? " article" : " articles") + " refused";
    for (const auto& one : r) s.append("; article ").append(one.id).append(": ").append(one.error);
    return s;
  }
  std::vector<Rejection> rejections_;
};

// A failure that trying again cannot mend: a store refused the batch itself
// (a webhook answering 400, a record it will never accept). A sink throws it
// to skip the host's retries: the batch goes straight to the stage's
// on_failure (the dead-letter store, or the end of the run). Anything else a
// sink throws is retried with backoff first. Available from SDK ABI 1.1.
class SLUICE_SDK_VISIBLE PermanentError : public StageError {
 public:
  using StageError::StageError;
};

// The store has no space left (ENOSPC on a write or sync, SQLite's
// SQLITE_FULL). Unlike a network blip, waiting does not mend it and
// dead-lettering the batch would only move the problem: the host ends the
// run at once, naming the stage, with nothing after the last checkpoint
// acknowledged, so a rerun after space is freed delivers it. A host that
// predates this class treats it as the PermanentError it derives from.
class SLUICE_SDK_VISIBLE StorageFull : public PermanentError {
 public:
  using PermanentError::PermanentError;
};

// Thrown by an enricher that decides an article must go no further (a
// near-duplicate, an unwanted language ...). Unlike a failure, the article
// is neither counted as failed nor dead-lettered: the host counts it as
// dropped by that stage, and its document is acknowledged as done.
// Available from SDK ABI 1.1.
class SLUICE_SDK_VISIBLE ArticleDropped : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;  // the reason, for debug logs
};

}  // namespace sluice::sdk
