// The host's state database (SQLite, WAL): stage key/value state (source
// checkpoints, seen-sets), sink commit tokens, the dead-letter store and run
// history. One file per host; every write is transactional.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sluice/sdk/stage.hpp"

struct sqlite3;

namespace sluice::host {

// One per-item failure kept for inspection and replay.
struct DeadLetter {
  std::int64_t id = 0;
  std::string pipeline;
  std::string stage;
  std::string plugin;
  std::string plugin_version;
  std::string error;
  std::int64_t time_ms = 0;
  // What replay feeds back in: "document" (a raw document, replayed from the
  // parsers on) or "article" (canonical article JSON, replayed from `stage`).
  std::string input_kind;
  std::string item;   // document key or article id, for people
  std::string input;  // serialised document or article
  int attempts = 1;   // times this input failed (replays add to it)
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
  std::int64_t add_dead_letter(const DeadLetter& d);
  std::vector<DeadLetter> dead_letters(const DeadLetterFilter& f = {}, bool with_input = false);
  std::optional<DeadLetter> dead_letter(std::int64_t id);
  void remove_dead_letter(std::int64_t id);
  void bump_dead_letter(std::int64_t id, const std::string& error);  // replay failed again
  std::size_t purge_dead_letters(const DeadLetterFilter& f = {});

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

  void exec(const char* sql);
  void write_pending();    // inside an open transaction
  void restore_pending();  // after a failed commit: keep what it did not store

  std::mutex writes_mu_;  // guards pending_ and committing_ only
  Writes pending_;        // put/erase since the last commit
  Writes committing_;     // being written by the commit in progress
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Reader> reader_;  // null for ":memory:" (reads use db_)
  std::recursive_mutex mu_;
  bool in_transaction_ = false;  // written only by the thread holding mu_
  std::unique_ptr<sdk::StateStore> store_;
};

std::int64_t now_ms();

}  // namespace sluice::host
