#include "postgres_sink.hpp"

#include <pqxx/pqxx>

#include "text_search.hpp"

namespace sluice::plugins::postgres {
namespace {

constexpr const char* kUpsert = "sluice_upsert";

// Errors that belong to one row's data: a value out of range or malformed
// (class 22), a constraint (23), an exception raised by a trigger (P0001).
// Anything else (connection, permissions, a missing table) concerns the
// whole batch and is retried by the host.
bool is_row_error(const pqxx::sql_error& e) {
  const std::string& state = e.sqlstate();
  return state.rfind("22", 0) == 0 || state.rfind("23", 0) == 0 || state == "P0001";
}

// libpq's message without the "ERROR:" prefix and without DETAIL lines,
// which can quote a whole row (body included).
std::string first_line(const std::string& message) {
  std::string line = message.substr(0, message.find('\n'));
  for (const char* prefix : {"ERROR:  ", "FATAL:  "})
    if (line.rfind(prefix, 0) == 0) line.erase(0, std::char_traits<char>::length(prefix));
  return line;
}

pqxx::result exec_upsert(pqxx::transaction_base& t, const ArticleRow& r) {
  return t.exec_prepared(kUpsert, r.id, r.source_uri, r.content_type, r.title, r.published, r.language,
                         r.authors_json, r.body, r.fetched_at_ms, r.article_json);
}

}  // namespace

PostgresSink::PostgresSink(const sdk::StageInit& init)
    : stage_(init.name),
      conninfo_(parse_conninfo(init.options.string("connection"), init.options.duration("connect_timeout"))),
      schema_(init.options.string("table"), init.options.string("fts_config")),
      log_(init.log) {
  if (init.options.duration("connect_timeout").count() <= 0)
    throw sdk::StageError("postgres: option 'connect_timeout' must be positive");
  try {
    connect();
  } catch (const pqxx::broken_connection& e) {
    // Not fatal: the host retries write() with backoff, which reconnects.
    if (log_) log_->warn(where() + ": cannot connect yet: " + first_line(e.what()));
  }
}

PostgresSink::~PostgresSink() = default;

std::string PostgresSink::where() const {
  return "postgres sink '" + stage_ + "' (" + conninfo_.target + ")";
}

void PostgresSink::connect() {
  if (connection_) return;
  auto c = std::make_unique<pqxx::connection>(conninfo_.conninfo);
  try {
    // "relation already exists, skipping" is not news on every start.
    pqxx::nontransaction(*c).exec0("SET client_min_messages TO warning");
    pqxx::work ddl(*c);
    // Several hosts starting at once would race CREATE TABLE IF NOT EXISTS
    // (a unique violation in the catalog); one lock per table serialises them.
    // (Appended, not `"literal" + string`: GCC 12 reports a false -Wrestrict.)
    const std::string lock_key = std::string("sluice:").append(schema_.table);
    ddl.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", lock_key);
    // A literal escaped by libpq (quote() trips the same GCC warning).
    std::string fts_literal(1, '\'');
    fts_literal.append(ddl.esc(schema_.fts_config)).push_back('\'');
    ddl.exec0(schema_.create_table(fts_literal));
    ddl.exec0(schema_.create_index());
    ddl.exec0(schema_.probe());
    ddl.commit();
    c->prepare(kUpsert, schema_.upsert());
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::sql_error& e) {
    throw sdk::StageError(where() + ": cannot use table '" + schema_.table + "': " + first_line(e.what()));
  }
  connection_ = std::move(c);
}

void PostgresSink::write(std::span<const sdk::Article> batch) {
  if (closed_) throw sdk::StageError(where() + ": write() after close()");
  if (batch.empty()) return;
  std::vector<ArticleRow> rows;
  std::vector<std::string> ids;  // as the host knows them (rows hold them sanitised)
  std::vector<sdk::RejectedArticles::Rejection> rejected;
  rows.reserve(batch.size());
  for (const auto& a : batch) {
    // Without an id unrelated articles would overwrite each other.
    if (a.id.empty()) {
      rejected.push_back(
          {a.id, "article without an id refused (source " + a.source_uri + ", " + where() + ")"});
      continue;
    }
    rows.push_back(make_row(a));
    ids.push_back(a.id);
  }
  try {
    connect();
    if (!rows.empty() && !upsert_all(rows)) {
      auto refused = upsert_each(rows, ids);
      rejected.insert(rejected.end(), refused.begin(), refused.end());
    }
  } catch (const pqxx::failure& e) {
    // Lost, refused or in doubt (sql_error is a failure too): start over on
    // a new connection next time, which also re-creates a dropped table.
    // The upsert makes writing a committed batch again harmless.
    connection_.reset();
    throw sdk::StageError(where() + ": " + first_line(e.what()));
  }
  if (!rejected.empty()) throw sdk::RejectedArticles(std::move(rejected));
}

bool PostgresSink::upsert_all(const std::vector<ArticleRow>& rows) {
  pqxx::work t(*connection_);
  try {
    for (const auto& r : rows) exec_upsert(t, r);
  } catch (const pqxx::sql_error& e) {
    if (!is_row_error(e)) throw;
    t.abort();
    return false;
  }
  t.commit();
  return true;
}

std::vector<sdk::RejectedArticles::Rejection> PostgresSink::upsert_each(const std::vector<ArticleRow>& rows,
                                                                        const std::vector<std::string>& ids) {
  std::vector<sdk::RejectedArticles::Rejection> refused;
  pqxx::work t(*connection_);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // A savepoint per row: a refused row is rolled back alone and the
    // transaction goes on with the next.
    t.exec0("SAVEPOINT sluice_row");
    try {
      exec_upsert(t, rows[i]);
    } catch (const pqxx::sql_error& e) {
      if (!is_row_error(e)) throw;
      t.exec0("ROLLBACK TO SAVEPOINT sluice_row");
      refused.push_back(
          {ids[i], "article " + ids[i] + " refused: " + first_line(e.what()) + " (" + where() + ")"});
      continue;
    }
    t.exec0("RELEASE SAVEPOINT sluice_row");
  }
  t.commit();
  return refused;
}

void PostgresSink::close() {
  closed_ = true;
  connection_.reset();
}

std::vector<sdk::SearchHit> PostgresSink::search(const sdk::SearchQuery& query) {
  if (closed_) throw sdk::StageError(where() + " is closed");
  try {
    connect();
    return text_search(*connection_, schema_, query);
  } catch (const pqxx::failure& e) {
    throw sdk::StageError(where() + ": search for \"" + query.text + "\" failed: " + first_line(e.what()));
  }
}

}  // namespace sluice::plugins::postgres
