// The host's state database (SQLite, WAL): stage key/value state (source
// checkpoints, seen-sets), sink commit tokens, the dead-letter store and run
// history. One file per host; every write is transactional.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sluice/sdk/stage.hpp"

struct sqlite3;

namespace sluice::host {

// The state database cannot be used as it is: corrupt, not a database at
// all, written by a newer sluice, or not readable and writable by this
// user. Never transient: retrying cannot help, so whoever sees it stops and
// tells the operator (restore the file, `sluice state check`, or start
// fresh with `--reset-state`).
class StateDbUnusable : public std::runtime_error {
 public:
  StateDbUnusable(const std::filesystem::path& file, const std::string& reason)
      : std::runtime_error("state database " + file.string() + " cannot be used: " + reason),
        file_(file),
        reason_(reason) {}
  const std::filesystem::path& file() const { return file_; }
  const std::string& reason() const { return reason_; }

 private:
  std::filesystem::path file_;
  std::string reason_;
};

// One kind of per-item failure kept for inspection and replay. The store
// keeps one entry per (pipeline, stage, item, error kind): the same item
// failing the same way again updates that entry (count, last seen, newest
// error text and input) instead of adding one, and an entry keeps its id
// for as long as it exists. Ids are never reused.
struct DeadLetter {
  std::int64_t id = 0;
  std::string pipeline;
  std::string stage;
  std::string plugin;
  std::string plugin_version;
  std::string error;          // the newest failure's message
  std::int64_t first_ms = 0;  // first seen (set by the store)
  std::int64_t time_ms = 0;   // last seen
  // What replay feeds back in: "document" (a raw document, replayed from the
  // parsers on) or "article" (canonical article JSON, replayed from `stage`).
  std::string input_kind;
  std::string item;   // document key or article id, for people
  std::string input;  // serialised document or article
  // Times this item failed this way: reruns and replays that fail again
  // raise it (a replay passes the count it started from, plus one).
  int attempts = 1;
};

// What makes two failures "the same way": the message with its numbers
// masked ("timed out after 5012 ms" and "... 5003 ms" are one kind),
// white space collapsed, cut to a bounded length.
std::string dead_letter_error_kind(std::string_view error);

// The pipelines and (pipeline, stage) pairs the dead-letter store holds,
// sorted: what a filter can name.
struct DeadLetterNames {
  std::vector<std::string> pipelines;
  std::vector<std::pair<std::string, std::string>> stages;
};

// What prune_dead_letters() removed, by reason.
struct DeadLetterPrune {
  std::size_t too_old = 0;
  std::size_t over_cap = 0;
};

struct DeadLetterFilter {
  std::string pipeline;  // empty = any
  std::string stage;     // empty = any
};

struct RunRecord {
  std::int64_t id = 0;
  std::string pipeline;
  std::int64_t started_ms = 0;
  std::int64_t finished_ms = 0;  // 0 while running (or after a crash)
  std::string status;            // "running", "ok", "failed", "stopped"
  std::uint64_t documents = 0, articles = 0, failed = 0, dead_lettered = 0;
  std::string error;
};

class StateDb {
 public:
  // Opens or creates the database; ":memory:" keeps nothing on disk.
  explicit StateDb(const std::filesystem::path& file);
  ~StateDb();
  StateDb(const StateDb&) = delete;
  StateDb& operator=(const StateDb&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // --- key/value (stages see a prefixed view through sdk::StateStore) ---
  // Writes are held in memory (and seen by get()) until the next commit():
  // a stage's state then lands in the same transaction as the checkpoint of
  // the batch that produced it, and many small writes cost one sync, not
  // one each. flush() commits them on its own; the destructor flushes too.
  // get() reads through a second connection with a prepared statement, so
  // enrichers looking up state never wait for a commit's fsync.
  std::optional<std::string> get(std::string_view key);
  void put(std::string_view key, std::string_view value);
  void erase(std::string_view key);
  void flush();
  // Drops the writes no commit has stored yet. For a checkpoint that failed
  // and will not be retried: its source acknowledgements and sink tokens
  // must not land later (with the next commit or the destructor's flush)
  // without the dead letters that went down with its transaction. What is
  // dropped is redone by the next run, as after a crash.
  void discard_pending();
  sdk::StateStore* store() { return store_.get(); }

  // --- transactions: every write between begin() and commit() lands or
  // none does. Not nested; other threads' writes in between join it.
  void begin();
  void commit();
  void rollback();

  // --- dead letters ---
  // Adds an entry, or updates the one with the same (pipeline, stage,
  // item, error kind). Returns the entry's id.
  std::int64_t add_dead_letter(const DeadLetter& d);
  std::vector<DeadLetter> dead_letters(const DeadLetterFilter& f = {}, bool with_input = false);
  std::optional<DeadLetter> dead_letter(std::int64_t id);
  void remove_dead_letter(std::int64_t id);
  // Replay delivered this entry: inside a transaction it is removed when
  // that transaction commits, unless the same failure was stored again in
  // it (then the entry stays, same id, count raised). Outside one it is
  // removed at once.
  void retire_dead_letter(std::int64_t id);
  std::size_t purge_dead_letters(const DeadLetterFilter& f = {});
  DeadLetterNames dead_letter_names();
  // Removes entries last seen more than max_age_ms ago (0 = no age limit),
  // then the least recently seen beyond max_entries (0 = no cap).
  DeadLetterPrune prune_dead_letters(std::int64_t max_age_ms, std::size_t max_entries);

  // Set once a statement found the file corrupt: stages retrying a read
  // would fail the same way forever, so the runner stops instead.
  bool unusable() const { return unusable_.load(); }
  std::string unusable_reason() const;

  // --- run history ---
  std::int64_t run_started(const std::string& pipeline);
  void run_finished(const RunRecord& r);
  std::vector<RunRecord> runs(const std::string& pipeline = {}, std::size_t limit = 20);

 private:
  // key -> value, or nothing for an erase. Hashed: an enricher may write
  // thousands of keys per batch; the commit sorts them for the B-tree.
  struct KeyHash : std::hash<std::string_view> {
    using is_transparent = void;
  };
  using Writes = std::unordered_map<std::string, std::optional<std::string>, KeyHash, std::equal_to<>>;
  struct Reader;

  class Stmt;
  friend class Stmt;

  void exec(const char* sql);
  // Throws for a failed SQLite call: StateDbUnusable when the file is
  // corrupt or unreadable (and remembers it), std::runtime_error otherwise.
  [[noreturn]] void fail(sqlite3* conn, int rc) const;
  void check_usable_at_open();
  void migrate();
  std::int64_t insert_dead_letter(const DeadLetter& d, std::int64_t id);  // id 0: a new one
  void write_pending();                                                   // inside an open transaction
  void restore_pending();  // after a failed commit: keep what it did not store

  std::mutex writes_mu_;  // guards pending_ and committing_ only
  Writes pending_;        // put/erase since the last commit
  Writes committing_;     // being written by the commit in progress
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Reader> reader_;  // null for ":memory:" (reads use db_)
  std::recursive_mutex mu_;
  bool in_transaction_ = false;   // written only by the thread holding mu_
  bool retired_pending_ = false;  // retire_dead_letter() in the open transaction
  mutable std::atomic<bool> unusable_{false};
  mutable std::mutex unusable_mu_;
  mutable std::string unusable_reason_;
  std::unique_ptr<sdk::StateStore> store_;
};

std::int64_t now_ms();

}  // namespace sluice::host
