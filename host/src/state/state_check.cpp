#include "sluice/host/state_check.hpp"

#include <sqlite3.h>

#include <ctime>
#include <functional>
#include <memory>
#include <stdexcept>

namespace sluice::host {
namespace {

using Connection = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

// Runs `sql`, calling `row` per result row. Throws with SQLite's message.
void query(sqlite3* db, const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_finalize(st);
    throw std::runtime_error(sqlite3_errmsg(db));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> owned(st, &sqlite3_finalize);
  for (;;) {
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) return;
    if (rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
    row(st);
  }
}

std::string text(sqlite3_stmt* st, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
  return p ? p : "";
}

// One part of the summary: what it could not read goes to `unreadable`.
void part(StateCheck& out, const char* what, sqlite3* db, const char* sql,
          const std::function<void(sqlite3_stmt*)>& row) {
  try {
    query(db, sql, row);
  } catch (const std::exception& e) {
    out.unreadable.push_back(std::string(what) + ": " + e.what());
  }
}

}  // namespace

StateCheck check_state_file(const std::filesystem::path& file) {
  StateCheck out;
  out.file = file;
  std::error_code ec;
  out.bytes = std::filesystem::file_size(file, ec);
  if (ec) {
    out.problems.push_back("cannot read " + file.string() + ": " + ec.message());
    return out;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Connection db(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    out.problems.push_back(raw ? sqlite3_errmsg(raw) : "out of memory");
    return out;
  }
  sqlite3_busy_timeout(db.get(), 10'000);
  try {
    // The full check (indexes against tables too), unlike the quick one
    // StateDb runs at every open: this is the verb for looking closely.
    query(db.get(), "PRAGMA integrity_check(20)", [&](sqlite3_stmt* st) {
      if (auto line = text(st, 0); line != "ok") out.problems.push_back(std::move(line));
    });
    out.intact = out.problems.empty();
  } catch (const std::exception& e) {
    out.problems.push_back(e.what());
  }
  part(out, "schema version", db.get(), "PRAGMA user_version",
       [&](sqlite3_stmt* st) { out.schema = sqlite3_column_int64(st, 0); });
  part(out, "stage state", db.get(),
       "SELECT count(*) FILTER (WHERE key NOT LIKE 'host/%/commit_token'), "
       "count(*) FILTER (WHERE key LIKE 'host/%/commit_token') FROM kv",
       [&](sqlite3_stmt* st) {
         out.stage_keys = sqlite3_column_int64(st, 0);
         out.sink_tokens = sqlite3_column_int64(st, 1);
       });
  part(out, "dead letters", db.get(),
       "SELECT pipeline || '/' || stage, count(*) FROM dead_letters GROUP BY pipeline, stage ORDER BY 1",
       [&](sqlite3_stmt* st) { out.dead_letters.emplace_back(text(st, 0), sqlite3_column_int64(st, 1)); });
  part(out, "run history", db.get(), "SELECT count(*) FROM runs",
       [&](sqlite3_stmt* st) { out.runs = sqlite3_column_int64(st, 0); });
  part(out, "last runs", db.get(),
       "SELECT id, pipeline, started_ms, finished_ms, status, documents, articles, failed, dead_lettered, "
       "error "
       "FROM runs WHERE id IN (SELECT max(id) FROM runs GROUP BY pipeline) ORDER BY pipeline",
       [&](sqlite3_stmt* st) {
         RunRecord r;
         r.id = sqlite3_column_int64(st, 0);
         r.pipeline = text(st, 1);
         r.started_ms = sqlite3_column_int64(st, 2);
         r.finished_ms = sqlite3_column_int64(st, 3);
         r.status = text(st, 4);
         r.documents = static_cast<std::uint64_t>(sqlite3_column_int64(st, 5));
         r.articles = static_cast<std::uint64_t>(sqlite3_column_int64(st, 6));
         r.failed = static_cast<std::uint64_t>(sqlite3_column_int64(st, 7));
         r.dead_lettered = static_cast<std::uint64_t>(sqlite3_column_int64(st, 8));
         r.error = text(st, 9);
         out.last_runs.push_back(std::move(r));
       });
  return out;
}

std::filesystem::path move_state_aside(const std::filesystem::path& file) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
  auto target = file;
  target += std::string(".bad-") + stamp;
  // Two resets within a second must not overwrite the first one's file.
  for (int n = 2; std::filesystem::exists(target); ++n) {
    target = file;
    target += std::string(".bad-") + stamp + "-" + std::to_string(n);
  }
  std::filesystem::rename(file, target);  // throws filesystem_error naming both paths
  for (const char* companion : {"-wal", "-shm"}) {
    auto from = file;
    from += companion;
    auto to = target;
    to += companion;
    if (std::filesystem::exists(from)) std::filesystem::rename(from, to);
  }
  return target;
}

}  // namespace sluice::host
