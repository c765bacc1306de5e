#include "upsert_statement.hpp"

#include <algorithm>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::sqlite {
namespace {

// Enough for the host's batch sizes in one execution; larger batches take
// a few. Bounds the SQL text (about 25 bytes a row) and its prepare time.
constexpr std::size_t kMaxRowsPerExecution = 1000;
// Batches mostly share one size (the host's batch_size, plus the odd partial
// batch): a few prepared statements cover them.
constexpr std::size_t kMaxCachedStatements = 4;

}  // namespace

UpsertStatement::UpsertStatement(sqlite3* db, const Schema& schema, std::string path)
    : db_(db), schema_(schema), path_(std::move(path)) {
  const auto parameters =
      static_cast<std::size_t>(std::max(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1), 1));
  max_rows_ = std::clamp<std::size_t>(parameters / Schema::columns_per_row(), 1, kMaxRowsPerExecution);
}

void UpsertStatement::run(const BatchRows& rows) {
  for (std::size_t first = 0; first < rows.size(); first += max_rows_) {
    const std::size_t count = std::min(max_rows_, rows.size() - first);
    execute(prepared(count), rows, first, count);
  }
}

sqlite3_stmt* UpsertStatement::prepared(std::size_t rows) {
  if (auto found = statements_.find(rows); found != statements_.end()) return found->second.get();
  if (statements_.size() >= kMaxCachedStatements) statements_.clear();
  const std::string sql = schema_.upsert(rows);
  sqlite3_stmt* statement = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                    SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  Prepared owned(statement);
  if (rc != SQLITE_OK) {
    throw sdk::StageError("sqlite: " + path_ + ": preparing the upsert: " + sqlite3_errmsg(db_));
  }
  return statements_.emplace(rows, std::move(owned)).first->second.get();
}

void UpsertStatement::execute(sqlite3_stmt* statement, const BatchRows& rows, std::size_t first,
                              std::size_t count) {
  // SQLITE_STATIC: the values live in the articles or in `rows` until
  // write() returns, so SQLite reads them in place instead of copying.
  int index = 1;
  int rc = SQLITE_OK;
  for (std::size_t row = first; row < first + count && rc == SQLITE_OK; ++row) {
    for (std::string_view value : rows.text(row)) {
      // A null pointer would bind SQL NULL; an empty value is ''.
      const char* data = value.data() != nullptr ? value.data() : "";
      rc = sqlite3_bind_text64(statement, index++, data, value.size(), SQLITE_STATIC, SQLITE_UTF8);
      if (rc != SQLITE_OK) break;
    }
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(statement, index++, rows.fetched_at_ms(row));
  }
  if (rc == SQLITE_OK) rc = sqlite3_step(statement);
  const std::string message = rc == SQLITE_DONE ? std::string() : sqlite3_errmsg(db_);
  // Reset and unbind either way: the statement is reused for later batches
  // and must not keep pointers into this one.
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  // A full disk is not retried like a passing fault: the host stops the run.
  if ((rc & 0xff) == SQLITE_FULL)
    throw sdk::StorageFull("sqlite: " + path_ + ": " + message + " (free space, then run again)");
  if (rc != SQLITE_DONE) throw sdk::StageError("sqlite: " + path_ + ": " + message);
}

}  // namespace sluice::plugins::sqlite
