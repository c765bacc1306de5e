#include "sqlite_sink.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <chrono>
#include <limits>

#include "fts_search.hpp"
#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::sqlite {
namespace {

using Poco::Data::Session;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

constexpr int kPageSize = 65536;

// Maps the option to a fixed PRAGMA value, so no option text reaches SQL.
const char* synchronous_pragma(const std::string& option) {
  if (option == "normal") return "NORMAL";
  if (option == "full") return "FULL";
  throw sdk::StageError("sqlite: option 'synchronous' must be \"normal\" or \"full\", not \"" + option +
                        "\"");
}

std::int64_t busy_timeout_ms(std::chrono::milliseconds timeout) {
  if (timeout.count() < 0) throw sdk::StageError("sqlite: option 'busy_timeout' is negative");
  return std::min<std::int64_t>(timeout.count(), std::numeric_limits<int>::max());
}

// BEGIN IMMEDIATE takes the write lock up front, so waiting for another
// writer goes through busy_timeout rather than failing half way. Rolls back
// unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Session& session) : session_(session) { session_ << "BEGIN IMMEDIATE", now; }
  ~WriteTransaction() {
    if (committed_) return;
    try {
      session_ << "ROLLBACK", now;
    } catch (const Poco::Exception&) {
      // SQLite already rolled back on its own (e.g. disk full); nothing to undo.
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit() {
    session_ << "COMMIT", now;
    committed_ = true;
  }

 private:
  Session& session_;
  bool committed_ = false;
};

}  // namespace

SqliteSink::SqliteSink(const sdk::StageInit& init) : schema_(init.options.string("table")), log_(init.log) {
  // Every option is checked before the file system is touched.
  const bool fts = init.options.boolean("fts");
  fts_ = fts;
  const std::string synchronous = synchronous_pragma(init.options.string("synchronous"));
  const std::int64_t busy_ms = busy_timeout_ms(init.options.duration("busy_timeout"));
  // Relative to the config file's directory, parent directories created. The
  // path is absolute, which also keeps SQLite from reading "file:..." as a URI.
  path_ = sdk::resolve_output_path(init, init.options.string("path"), "sqlite").string();

  // Reference-counted in Poco's SessionFactory, so calling it per instance
  // is harmless; each instance then owns its own connection.
  Poco::Data::SQLite::Connector::registerConnector();
  try {
    // Poco retries a failed open until this many seconds pass (60 without
    // it); a file that cannot be opened should fail within busy_timeout.
    const std::int64_t open_timeout_s = std::max<std::int64_t>(1, (busy_ms + 999) / 1000);
    session_.emplace(Poco::Data::SQLite::Connector::KEY, path_, static_cast<std::size_t>(open_timeout_s));
    // PRAGMAs take no bound parameters; these values are a checked integer
    // and a fixed keyword.
    *session_ << "PRAGMA busy_timeout = " + std::to_string(busy_ms), now;
    // Takes effect only on a new, empty database (before WAL is set): rows
    // of ~10 KB fill 64 KiB pages well, and bigger pages cut the per-page
    // I/O of the WAL and its checkpoints. An existing file keeps its size.
    *session_ << "PRAGMA page_size = " + std::to_string(kPageSize), now;
    std::string journal_mode;
    *session_ << "PRAGMA journal_mode = WAL", into(journal_mode), now;
    if (journal_mode != "wal" && log_ != nullptr) {
      log_->warn("sqlite: " + path_ + " cannot use WAL (journal_mode is " + journal_mode +
                 "); readers will block writes");
    }
    *session_ << "PRAGMA synchronous = " + synchronous, now;
    create_schema(fts);
    upsert_.emplace(Poco::Data::SQLite::Utility::dbHandle(*session_), schema_, path_);
  } catch (const Poco::Exception& e) {
    fail(e);
  }
}

void SqliteSink::create_schema(bool fts) {
  // One transaction, so two sinks opening one new database at once do not
  // race between "does it exist" and "create it".
  WriteTransaction transaction(*session_);
  *session_ << schema_.create_table(), now;
  if (fts) {
    int fts_tables = 0;
    *session_ << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
        bind(schema_.fts_table()), into(fts_tables), now;
    for (const std::string& statement : schema_.create_fts()) *session_ << statement, now;
    // An index added to a table that already has rows starts empty.
    if (fts_tables == 0) *session_ << schema_.rebuild_fts(), now;
  }
  *session_ << schema_.probe(), now;
  transaction.commit();
}

void SqliteSink::write(std::span<const sdk::Article> batch) {
  if (batch.empty()) return;
  if (!session_) throw sdk::StageError("sqlite: " + path_ + " is closed");
  for (const sdk::Article& article : batch) {
    // The id is the upsert key: without one, unrelated articles would merge.
    if (article.id.empty()) {
      throw sdk::StageError("sqlite: article from " + article.source_uri + " has no id");
    }
  }
  rows_.assign(batch);
  try {
    WriteTransaction transaction(*session_);
    upsert_->run(rows_);  // throws StageError; the transaction rolls back
    transaction.commit();
  } catch (const Poco::Exception& e) {
    fail(e);
  }
}

void SqliteSink::close() {
  if (!session_) return;
  try {
    // Recommended before closing a connection that changed the database.
    // Every batch is committed already, so a failure here is only logged.
    *session_ << "PRAGMA optimize", now;
  } catch (const Poco::Exception& e) {
    if (log_ != nullptr) log_->warn("sqlite: " + path_ + ": PRAGMA optimize failed: " + e.displayText());
  }
  upsert_.reset();  // a connection with unfinalized statements does not close
  // Closing last checkpoints the WAL into the database file.
  Poco::Data::Session session = std::move(*session_);
  session_.reset();
  try {
    session.close();
  } catch (const Poco::Exception& e) {
    fail(e);
  }
}

std::vector<sdk::SearchHit> SqliteSink::search(const sdk::SearchQuery& query) {
  if (!session_) throw sdk::StageError("sqlite: " + path_ + " is closed");
  if (!fts_)
    throw sdk::StageError("sqlite: " + path_ + " keeps no full-text index (the stage sets fts = false)");
  return fts_search(Poco::Data::SQLite::Utility::dbHandle(*session_), schema_, path_, query);
}

void SqliteSink::fail(const Poco::Exception& e) const {
  // SQLITE_FULL (at COMMIT or a WAL checkpoint): stop the run, do not retry.
  if (dynamic_cast<const Poco::Data::SQLite::DatabaseFullException*>(&e) != nullptr)
    throw sdk::StorageFull("sqlite: " + path_ + ": " + e.displayText() + " (free space, then run again)");
  throw sdk::StageError("sqlite: " + path_ + ": " + e.displayText());
}

}  // namespace sluice::plugins::sqlite
