#include "sluice/host/state_db.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace sluice::host {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS kv (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dead_letters (
  id             INTEGER PRIMARY KEY,
  pipeline       TEXT NOT NULL,
  stage          TEXT NOT NULL,
  plugin         TEXT NOT NULL,
  plugin_version TEXT NOT NULL,
  error          TEXT NOT NULL,
  time_ms        INTEGER NOT NULL,
  input_kind     TEXT NOT NULL,
  item           TEXT NOT NULL,
  input          BLOB NOT NULL,
  attempts       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS dead_letters_by_stage ON dead_letters(pipeline, stage);
CREATE TABLE IF NOT EXISTS runs (
  id            INTEGER PRIMARY KEY,
  pipeline      TEXT NOT NULL,
  started_ms    INTEGER NOT NULL,
  finished_ms   INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL,
  documents     INTEGER NOT NULL DEFAULT 0,
  articles      INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0,
  dead_lettered INTEGER NOT NULL DEFAULT 0,
  error         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS runs_by_pipeline ON runs(pipeline, id);
)sql";

// A prepared statement that finalises itself; every value is bound, never
// spliced into SQL text.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("state db: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::string_view s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& blob(int i, std::string_view s) {
    sqlite3_bind_blob(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("state db: ") + sqlite3_errmsg(db_));
  }
  std::string text(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
  void reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

class DbStore : public sdk::StateStore {
 public:
  explicit DbStore(StateDb& db) : db_(db) {}
  std::optional<std::string> get(std::string_view key) override { return db_.get(key); }
  void put(std::string_view key, std::string_view value) override { db_.put(key, value); }
  void erase(std::string_view key) override { db_.erase(key); }

 private:
  StateDb& db_;
};

// WHERE clause shared by the dead-letter queries: empty filter fields match all.
constexpr const char* kFilter = "(?1 = '' OR pipeline = ?1) AND (?2 = '' OR stage = ?2)";

DeadLetter read_dead_letter(const Stmt& s, bool with_input) {
  DeadLetter d;
  d.id = s.integer(0);
  d.pipeline = s.text(1);
  d.stage = s.text(2);
  d.plugin = s.text(3);
  d.plugin_version = s.text(4);
  d.error = s.text(5);
  d.time_ms = s.integer(6);
  d.input_kind = s.text(7);
  d.item = s.text(8);
  d.attempts = static_cast<int>(s.integer(9));
  if (with_input) d.input = s.text(10);
  return d;
}

}  // namespace

// The read-only connection get() uses, with its statement prepared once.
struct StateDb::Reader {
  sqlite3* db = nullptr;
  sqlite3_stmt* select = nullptr;
  std::mutex mu;
  ~Reader() {
    sqlite3_finalize(select);
    sqlite3_close(db);
  }
};

StateDb::StateDb(const std::filesystem::path& file) : path_(file) {
  if (file != ":memory:" && file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open state database " + file.string() + ": " + why);
  }
  sqlite3_busy_timeout(db_, 10'000);
  try {
    // WAL keeps readers (sluice dlq list, history) out of the writer's way;
    // synchronous=FULL makes a committed checkpoint survive power loss too.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec(kSchema);
    if (file != ":memory:") {
      reader_ = std::make_unique<Reader>();
      if (sqlite3_open_v2(file.c_str(), &reader_->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
              SQLITE_OK ||
          sqlite3_prepare_v2(reader_->db, "SELECT value FROM kv WHERE key = ?1", -1, &reader_->select,
                             nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open state database " + file.string() +
                                 " for reading: " + sqlite3_errmsg(reader_->db));
      sqlite3_busy_timeout(reader_->db, 10'000);
    }
  } catch (...) {
    reader_.reset();
    sqlite3_close(db_);
    throw;
  }
  store_ = std::make_unique<DbStore>(*this);
}

StateDb::~StateDb() {
  try {
    flush();
  } catch (...) {
    // Nothing to report to from a destructor; unflushed state is redone by
    // the next run, as after a crash.
  }
  sqlite3_close(db_);
}

void StateDb::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("state db " + path_.string() + ": " + why);
  }
}

std::optional<std::string> StateDb::get(std::string_view key) {
  {
    // Newest first: this batch's writes, then those a commit is storing.
    // Checked under one lock, so a value is never missed as it moves on.
    std::lock_guard lock(writes_mu_);
    if (auto it = pending_.find(key); it != pending_.end()) return it->second;
    if (auto it = committing_.find(key); it != committing_.end()) return it->second;
  }
  if (!reader_) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "SELECT value FROM kv WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }
  std::lock_guard lock(reader_->mu);
  sqlite3_stmt* st = reader_->select;
  sqlite3_bind_text(st, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  const int rc = sqlite3_step(st);
  std::optional<std::string> value;
  if (rc == SQLITE_ROW) {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st, 0));
    value.emplace(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
  }
  // Resetting ends the read transaction, so the WAL can be checkpointed.
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    throw std::runtime_error("state db " + path_.string() + ": " + sqlite3_errmsg(reader_->db));
  return value;
}

void StateDb::put(std::string_view key, std::string_view value) {
  std::lock_guard lock(writes_mu_);
  pending_.insert_or_assign(std::string(key), std::string(value));
}

void StateDb::erase(std::string_view key) {
  std::lock_guard lock(writes_mu_);
  pending_.insert_or_assign(std::string(key), std::nullopt);
}

void StateDb::write_pending() {
  {
    std::lock_guard lock(writes_mu_);
    committing_.swap(pending_);  // writes from now on wait for the next commit
  }
  if (committing_.empty()) return;
  Stmt upsert(
      db_, "INSERT INTO kv(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  Stmt remove(db_, "DELETE FROM kv WHERE key = ?1");
  // In key order: neighbouring keys share B-tree pages, and the result does
  // not depend on hashing.
  std::vector<const Writes::value_type*> ordered;
  ordered.reserve(committing_.size());
  for (const auto& entry : committing_) ordered.push_back(&entry);
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* entry : ordered) {
    const auto& [key, value] = *entry;
    if (value) {
      upsert.bind(1, key).blob(2, *value);
      upsert.step();
      upsert.reset();
    } else {
      remove.bind(1, key);
      remove.step();
      remove.reset();
    }
  }
}

void StateDb::restore_pending() {
  std::lock_guard lock(writes_mu_);
  // A key written again since the commit began keeps its newer value.
  for (auto& [key, value] : committing_) pending_.try_emplace(key, std::move(value));
  committing_.clear();
}

void StateDb::discard_pending() {
  std::lock_guard lock(writes_mu_);
  pending_.clear();
}

void StateDb::flush() {
  std::lock_guard lock(mu_);
  {
    std::lock_guard writes(writes_mu_);
    if (pending_.empty()) return;
  }
  begin();
  commit();
}

void StateDb::begin() {
  mu_.lock();  // held until commit/rollback: the transaction is this thread's
  try {
    exec("BEGIN IMMEDIATE");
  } catch (...) {
    mu_.unlock();
    throw;
  }
  in_transaction_ = true;
}

// A failed commit rolls back itself, so callers never roll back twice.
void StateDb::commit() {
  try {
    write_pending();
    exec("COMMIT");
  } catch (...) {
    restore_pending();  // nothing was stored: the next commit tries again
    rollback();
    throw;
  }
  {
    std::lock_guard lock(writes_mu_);
    committing_.clear();  // stored: get() now finds them through the reader
  }
  in_transaction_ = false;
  mu_.unlock();
}

void StateDb::rollback() {
  if (!in_transaction_) return;  // already ended (a failed commit rolled back)
  try {
    exec("ROLLBACK");
  } catch (...) {
  }
  in_transaction_ = false;
  mu_.unlock();
}

std::int64_t StateDb::add_dead_letter(const DeadLetter& d) {
  std::lock_guard lock(mu_);
  Stmt s(
      db_,
      "INSERT INTO dead_letters(pipeline, stage, plugin, plugin_version, error, time_ms, input_kind, item, "
      "input, attempts) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  s.bind(1, d.pipeline).bind(2, d.stage).bind(3, d.plugin).bind(4, d.plugin_version).bind(5, d.error);
  s.bind(6, d.time_ms ? d.time_ms : now_ms()).bind(7, d.input_kind).bind(8, d.item).blob(9, d.input);
  s.bind(10, static_cast<std::int64_t>(d.attempts));
  s.step();
  return sqlite3_last_insert_rowid(db_);
}

std::vector<DeadLetter> StateDb::dead_letters(const DeadLetterFilter& f, bool with_input) {
  std::lock_guard lock(mu_);
  const std::string sql =
      std::string("SELECT id, pipeline, stage, plugin, plugin_version, error, time_ms, ") +
      "input_kind, item, attempts" + (with_input ? ", input" : "") + " FROM dead_letters WHERE " + kFilter +
      " ORDER BY id";
  Stmt s(db_, sql.c_str());
  s.bind(1, f.pipeline).bind(2, f.stage);
  std::vector<DeadLetter> out;
  while (s.step()) out.push_back(read_dead_letter(s, with_input));
  return out;
}

std::optional<DeadLetter> StateDb::dead_letter(std::int64_t id) {
  std::lock_guard lock(mu_);
  Stmt s(
      db_,
      "SELECT id, pipeline, stage, plugin, plugin_version, error, time_ms, input_kind, item, attempts, input "
      "FROM dead_letters WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_dead_letter(s, true);
}

void StateDb::remove_dead_letter(std::int64_t id) {
  std::lock_guard lock(mu_);
  Stmt s(db_, "DELETE FROM dead_letters WHERE id = ?1");
  s.bind(1, id);
  s.step();
}

void StateDb::bump_dead_letter(std::int64_t id, const std::string& error) {
  std::lock_guard lock(mu_);
  Stmt s(db_, "UPDATE dead_letters SET attempts = attempts + 1, error = ?2, time_ms = ?3 WHERE id = ?1");
  s.bind(1, id).bind(2, error).bind(3, now_ms());
  s.step();
}

std::size_t StateDb::purge_dead_letters(const DeadLetterFilter& f) {
  std::lock_guard lock(mu_);
  const std::string sql = std::string("DELETE FROM dead_letters WHERE ") + kFilter;
  Stmt s(db_, sql.c_str());
  s.bind(1, f.pipeline).bind(2, f.stage);
  s.step();
  return static_cast<std::size_t>(sqlite3_changes(db_));
}

std::int64_t StateDb::run_started(const std::string& pipeline) {
  std::lock_guard lock(mu_);
  Stmt s(db_, "INSERT INTO runs(pipeline, started_ms, status) VALUES(?1, ?2, 'running')");
  s.bind(1, pipeline).bind(2, now_ms());
  s.step();
  return sqlite3_last_insert_rowid(db_);
}

void StateDb::run_finished(const RunRecord& r) {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "UPDATE runs SET finished_ms = ?2, status = ?3, documents = ?4, articles = ?5, failed = ?6, "
         "dead_lettered = ?7, error = ?8 WHERE id = ?1");
  s.bind(1, r.id).bind(2, r.finished_ms ? r.finished_ms : now_ms()).bind(3, r.status);
  s.bind(4, static_cast<std::int64_t>(r.documents)).bind(5, static_cast<std::int64_t>(r.articles));
  s.bind(6, static_cast<std::int64_t>(r.failed)).bind(7, static_cast<std::int64_t>(r.dead_lettered));
  s.bind(8, r.error);
  s.step();
}

std::vector<RunRecord> StateDb::runs(const std::string& pipeline, std::size_t limit) {
  std::lock_guard lock(mu_);
  Stmt s(db_,
         "SELECT id, pipeline, started_ms, finished_ms, status, documents, articles, failed, dead_lettered, "
         "error "
         "FROM runs WHERE (?1 = '' OR pipeline = ?1) ORDER BY id DESC LIMIT ?2");
  s.bind(1, pipeline).bind(2, static_cast<std::int64_t>(limit));
  std::vector<RunRecord> out;
  while (s.step()) {
    RunRecord r;
    r.id = s.integer(0);
    r.pipeline = s.text(1);
    r.started_ms = s.integer(2);
    r.finished_ms = s.integer(3);
    r.status = s.text(4);
    r.documents = static_cast<std::uint64_t>(s.integer(5));
    r.articles = static_cast<std::uint64_t>(s.integer(6));
    r.failed = static_cast<std::uint64_t>(s.integer(7));
    r.dead_lettered = static_cast<std::uint64_t>(s.integer(8));
    r.error = s.text(9);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace sluice::host
