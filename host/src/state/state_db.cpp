#include "sluice/host/state_db.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace sluice::host {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

// The schema this build writes; PRAGMA user_version records it. Version 0
// is every database from before versioning (dead letters keyed by id only).
constexpr std::int64_t kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS kv (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dead_letters (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so an id names one entry for good
  pipeline       TEXT NOT NULL,
  stage          TEXT NOT NULL,
  plugin         TEXT NOT NULL,
  plugin_version TEXT NOT NULL,
  error          TEXT NOT NULL,
  error_kind     TEXT NOT NULL,
  first_ms       INTEGER NOT NULL,
  time_ms        INTEGER NOT NULL,
  input_kind     TEXT NOT NULL,
  item           TEXT NOT NULL,
  input          BLOB NOT NULL,
  attempts       INTEGER NOT NULL DEFAULT 1,
  retired        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS dead_letters_key ON dead_letters(pipeline, stage, item, error_kind);
CREATE INDEX IF NOT EXISTS dead_letters_by_time ON dead_letters(time_ms);
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

// Stored error kinds are cut here: enough to tell failures apart, and a
// huge message does not make a huge index key.
constexpr std::size_t kMaxErrorKind = 240;

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

// The columns read_dead_letter() expects, in order.
constexpr const char* kDeadLetterColumns =
    "id, pipeline, stage, plugin, plugin_version, error, time_ms, input_kind, item, attempts, first_ms";

template <class Statement>
DeadLetter read_dead_letter(const Statement& s, bool with_input) {
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
  d.first_ms = s.integer(10);
  if (with_input) d.input = s.text(11);
  return d;
}

}  // namespace

// A prepared statement that finalises itself; every value is bound, never
// spliced into SQL text.
class StateDb::Stmt {
 public:
  Stmt(const StateDb& owner, sqlite3* db, const char* sql) : owner_(owner), db_(db) {
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); rc != SQLITE_OK) {
      sqlite3_finalize(st_);
      st_ = nullptr;
      owner_.fail(db, rc);
    }
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
  Stmt& null(int i) {
    sqlite3_bind_null(st_, i);
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
    owner_.fail(db_, rc);
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
  const StateDb& owner_;
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

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
  const bool on_disk = file != ":memory:";
  bool existed = false;
  if (on_disk) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (std::filesystem::exists(status)) {
      if (!std::filesystem::is_regular_file(status)) throw StateDbUnusable(file, "it is not a regular file");
      // SQLite would open an unwritable file read-only and fail only at the
      // first checkpoint; an unreadable one at the first query.
      if (::access(file.c_str(), R_OK | W_OK) != 0)
        throw StateDbUnusable(
            file, std::string("this user may not read and write it (") + std::strerror(errno) + ")");
      existed = std::filesystem::file_size(file, ec) > 0 && !ec;
    } else if (file.has_parent_path()) {
      std::filesystem::create_directories(file.parent_path(), ec);
    }
  }
  if (const int rc = sqlite3_open_v2(
          file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
      rc != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM) throw StateDbUnusable(file, why);
    throw std::runtime_error("cannot open state database " + file.string() + ": " + why);
  }
  sqlite3_busy_timeout(db_, 10'000);
  try {
    // WAL keeps readers (sluice dlq list, history) out of the writer's way;
    // synchronous=FULL makes a committed checkpoint survive power loss too.
    // The first statement reads the header: "not a database" shows here.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    if (sqlite3_db_readonly(db_, "main") == 1)
      throw StateDbUnusable(file, "it could only be opened read-only (a read-only file system?)");
    if (existed) check_usable_at_open();
    migrate();
    if (on_disk) {
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

// A damaged page would otherwise surface in the middle of a run, as a read
// error a source retries for minutes. quick_check reads every page once
// (without cross-checking indexes against tables): a 123 MB state database
// cost 0.15 s of CPU at open (docs/reliability.md).
void StateDb::check_usable_at_open() {
  Stmt s(*this, db_, "PRAGMA quick_check(5)");
  std::string problems;
  while (s.step()) {
    const auto line = s.text(0);
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
  }
  if (problems.empty()) return;
  {
    std::lock_guard lock(unusable_mu_);
    unusable_reason_ = "integrity check failed: " + problems;
  }
  unusable_ = true;
  throw StateDbUnusable(path_, "the file is damaged (integrity check: " + problems + ")");
}

// Brings a database written by an older sluice to kSchemaVersion, in one
// transaction: a crash half way leaves the old schema, migrated next time.
void StateDb::migrate() {
  const auto version = [this] {
    Stmt s(*this, db_, "PRAGMA user_version");
    s.step();
    return s.integer(0);
  };
  if (version() == kSchemaVersion) return;
  begin();  // BEGIN IMMEDIATE: of two processes opening an old file, one migrates
  try {
    const auto v = version();
    if (v > kSchemaVersion)
      throw StateDbUnusable(path_, "it was written by a newer sluice (schema " + std::to_string(v) +
                                       "; this one reads up to " + std::to_string(kSchemaVersion) + ")");
    if (v < kSchemaVersion) {
      const auto found = [this](const char* sql) {
        Stmt s(*this, db_, sql);  // finalised at once: it reads the schema the migration changes
        return s.step();
      };
      const bool old_store =
          found("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dead_letters'") &&
          !found("SELECT 1 FROM pragma_table_info('dead_letters') WHERE name = 'error_kind'");
      if (old_store) {
        exec("DROP INDEX IF EXISTS dead_letters_by_stage");
        exec("ALTER TABLE dead_letters RENAME TO dead_letters_v1");
      }
      exec(kSchema);
      if (old_store) {
        // In id order, through the same upsert as new failures: the oldest
        // entry of each (pipeline, stage, item, error kind) keeps its id and
        // the later copies (one per rerun, before this version) fold into it.
        {
          Stmt old(*this, db_,
                   "SELECT id, pipeline, stage, plugin, plugin_version, error, time_ms, input_kind, item, "
                   "attempts, time_ms, input FROM dead_letters_v1 ORDER BY id");
          while (old.step()) {
            const auto d = read_dead_letter(old, true);
            insert_dead_letter(d, d.id);
          }
        }  // finalised: a table with a statement open on it cannot be dropped
        exec("DROP TABLE dead_letters_v1");
      }
      exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    }
    commit();
  } catch (...) {
    rollback();
    throw;
  }
}

StateDb::~StateDb() {
  try {
    flush();
  } catch (...) {
    // Nothing to report to from a destructor; unflushed state is redone by
    // the next run, as after a crash.
  }
  // The writer closes last: the last connection to close merges the WAL
  // into the file and removes it (a read-only one cannot).
  reader_.reset();
  sqlite3_close(db_);
}

void StateDb::exec(const char* sql) {
  if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); rc != SQLITE_OK) fail(db_, rc);
}

void StateDb::fail(sqlite3* conn, int rc) const {
  const std::string why = conn ? sqlite3_errmsg(conn) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: {
      {
        std::lock_guard lock(unusable_mu_);
        if (unusable_reason_.empty()) unusable_reason_ = why;
      }
      unusable_ = true;
      throw StateDbUnusable(path_, (rc & 0xff) == SQLITE_CORRUPT ? why + " (the file is damaged)" : why);
    }
    default: throw std::runtime_error("state db " + path_.string() + ": " + why);
  }
}

std::string StateDb::unusable_reason() const {
  std::lock_guard lock(unusable_mu_);
  return unusable_reason_;
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
    Stmt s(*this, db_, "SELECT value FROM kv WHERE key = ?1");
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
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(reader_->db, rc);
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
      *this, db_,
      "INSERT INTO kv(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  Stmt remove(*this, db_, "DELETE FROM kv WHERE key = ?1");
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
    if (retired_pending_) exec("DELETE FROM dead_letters WHERE retired = 1");
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
  retired_pending_ = false;
  mu_.unlock();
}

void StateDb::rollback() {
  if (!in_transaction_) return;  // already ended (a failed commit rolled back)
  try {
    exec("ROLLBACK");
  } catch (...) {
  }
  in_transaction_ = false;
  retired_pending_ = false;
  mu_.unlock();
}

std::string dead_letter_error_kind(std::string_view error) {
  std::string kind;
  kind.reserve(std::min(error.size(), kMaxErrorKind));
  for (std::size_t i = 0; i < error.size() && kind.size() < kMaxErrorKind; ++i) {
    const auto c = static_cast<unsigned char>(error[i]);
    if (std::isdigit(c)) {
      if (kind.empty() || kind.back() != '#') kind.push_back('#');
    } else if (std::isspace(c)) {
      if (!kind.empty() && kind.back() != ' ') kind.push_back(' ');
    } else {
      kind.push_back(static_cast<char>(c));
    }
  }
  while (!kind.empty() && kind.back() == ' ') kind.pop_back();
  return kind;
}

std::int64_t StateDb::add_dead_letter(const DeadLetter& d) { return insert_dead_letter(d, 0); }

// The count becomes max(count + 1, d.attempts): a rerun failing again adds
// one; a replay failing again passes the count it started from plus one,
// which must not be added twice. `retired = 0` keeps an entry that a replay
// in this same transaction had delivered to its failing stage again.
std::int64_t StateDb::insert_dead_letter(const DeadLetter& d, std::int64_t id) {
  std::lock_guard lock(mu_);
  Stmt s(*this, db_,
         "INSERT INTO dead_letters(id, pipeline, stage, plugin, plugin_version, error, error_kind, first_ms, "
         "time_ms, input_kind, item, input, attempts) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
         "?12, ?13) "
         "ON CONFLICT(pipeline, stage, item, error_kind) DO UPDATE SET plugin = excluded.plugin, "
         "plugin_version = excluded.plugin_version, error = excluded.error, "
         "first_ms = min(first_ms, excluded.first_ms), time_ms = max(time_ms, excluded.time_ms), "
         "input_kind = excluded.input_kind, input = excluded.input, "
         "attempts = max(attempts + 1, excluded.attempts), retired = 0 "
         "RETURNING id");
  const auto seen = d.time_ms ? d.time_ms : now_ms();
  if (id > 0)
    s.bind(1, id);
  else
    s.null(1);
  s.bind(2, d.pipeline).bind(3, d.stage).bind(4, d.plugin).bind(5, d.plugin_version).bind(6, d.error);
  s.bind(7, dead_letter_error_kind(d.error)).bind(8, d.first_ms ? d.first_ms : seen).bind(9, seen);
  s.bind(10, d.input_kind).bind(11, d.item).blob(12, d.input).bind(13, static_cast<std::int64_t>(d.attempts));
  s.step();
  const auto stored = s.integer(0);
  while (s.step()) {
  }
  return stored;
}

std::vector<DeadLetter> StateDb::dead_letters(const DeadLetterFilter& f, bool with_input) {
  std::lock_guard lock(mu_);
  const std::string sql = std::string("SELECT ") + kDeadLetterColumns + (with_input ? ", input" : "") +
                          " FROM dead_letters WHERE " + kFilter + " ORDER BY id";
  Stmt s(*this, db_, sql.c_str());
  s.bind(1, f.pipeline).bind(2, f.stage);
  std::vector<DeadLetter> out;
  while (s.step()) out.push_back(read_dead_letter(s, with_input));
  return out;
}

std::optional<DeadLetter> StateDb::dead_letter(std::int64_t id) {
  std::lock_guard lock(mu_);
  const std::string sql =
      std::string("SELECT ") + kDeadLetterColumns + ", input FROM dead_letters WHERE id = ?1";
  Stmt s(*this, db_, sql.c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_dead_letter(s, true);
}

void StateDb::remove_dead_letter(std::int64_t id) {
  std::lock_guard lock(mu_);
  Stmt s(*this, db_, "DELETE FROM dead_letters WHERE id = ?1");
  s.bind(1, id);
  s.step();
}

void StateDb::retire_dead_letter(std::int64_t id) {
  std::lock_guard lock(mu_);
  if (!in_transaction_) {
    remove_dead_letter(id);
    return;
  }
  Stmt s(*this, db_, "UPDATE dead_letters SET retired = 1 WHERE id = ?1");
  s.bind(1, id);
  s.step();
  retired_pending_ = true;
}

std::size_t StateDb::purge_dead_letters(const DeadLetterFilter& f) {
  std::lock_guard lock(mu_);
  const std::string sql = std::string("DELETE FROM dead_letters WHERE ") + kFilter;
  Stmt s(*this, db_, sql.c_str());
  s.bind(1, f.pipeline).bind(2, f.stage);
  s.step();
  return static_cast<std::size_t>(sqlite3_changes(db_));
}

DeadLetterNames StateDb::dead_letter_names() {
  std::lock_guard lock(mu_);
  Stmt s(*this, db_, "SELECT DISTINCT pipeline, stage FROM dead_letters ORDER BY pipeline, stage");
  DeadLetterNames names;
  while (s.step()) {
    auto pipeline = s.text(0);
    if (names.pipelines.empty() || names.pipelines.back() != pipeline) names.pipelines.push_back(pipeline);
    names.stages.emplace_back(std::move(pipeline), s.text(1));
  }
  return names;
}

DeadLetterPrune StateDb::prune_dead_letters(std::int64_t max_age_ms, std::size_t max_entries) {
  std::lock_guard lock(mu_);
  DeadLetterPrune out;
  if (max_age_ms > 0) {
    Stmt s(*this, db_, "DELETE FROM dead_letters WHERE time_ms < ?1");
    s.bind(1, now_ms() - max_age_ms);
    s.step();
    out.too_old = static_cast<std::size_t>(sqlite3_changes(db_));
  }
  if (max_entries > 0) {
    Stmt s(*this, db_,
           "DELETE FROM dead_letters WHERE id IN "
           "(SELECT id FROM dead_letters ORDER BY time_ms DESC, id DESC LIMIT -1 OFFSET ?1)");
    s.bind(1, static_cast<std::int64_t>(max_entries));
    s.step();
    out.over_cap = static_cast<std::size_t>(sqlite3_changes(db_));
  }
  return out;
}

std::int64_t StateDb::run_started(const std::string& pipeline) {
  std::lock_guard lock(mu_);
  Stmt s(*this, db_, "INSERT INTO runs(pipeline, started_ms, status) VALUES(?1, ?2, 'running')");
  s.bind(1, pipeline).bind(2, now_ms());
  s.step();
  return sqlite3_last_insert_rowid(db_);
}

void StateDb::run_finished(const RunRecord& r) {
  std::lock_guard lock(mu_);
  Stmt s(*this, db_,
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
  Stmt s(*this, db_,
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
