#include "fts_search.hpp"

#include <memory>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::sqlite {
namespace {

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::string column_text(sqlite3_stmt* s, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s, column))) : std::string();
}

// Empty filters are bound as '' and switch their condition off, so one
// statement serves every combination. Entities match by name or by any
// mention's text, from the canonical JSON the sink stores.
std::string search_sql(const Schema& schema) {
  // Built by appending: GCC 12 reports a false -Wrestrict on `"\"" + std::string(..)`.
  std::string table(1, '"'), fts(1, '"');
  table.append(schema.table()).push_back('"');
  fts.append(schema.fts_table()).push_back('"');
  return "SELECT a.id, a.published, a.title, a.source_uri, snippet(" + fts +
         ", -1, char(2), char(3), '…', 16), -bm25(" + fts + ") FROM " + fts + " JOIN " + table +
         " a ON a.rowid = " + fts + ".rowid WHERE " + fts +
         " MATCH ?1 AND (?2 = '' OR a.published >= ?2) AND (?3 = '' OR a.language = ?3) AND (?4 = '' OR "
         "EXISTS (SELECT 1 FROM json_each(a.json, '$.entities') e WHERE e.value->>'name' = ?4 OR EXISTS "
         "(SELECT 1 FROM json_each(e.value, '$.mentions') m WHERE m.value->>'text' = ?4))) ORDER BY bm25(" +
         fts + ") LIMIT ?5";
}

}  // namespace

std::vector<sdk::SearchHit> fts_search(sqlite3* db, const Schema& schema, const std::string& path,
                                       const sdk::SearchQuery& query) {
  const auto sql = search_sql(schema);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
    throw sdk::StageError("sqlite: " + path + ": cannot search: " + sqlite3_errmsg(db));
  std::unique_ptr<sqlite3_stmt, StatementDeleter> statement(raw);
  const std::string* texts[] = {&query.text, &query.since, &query.language, &query.entity};
  for (int i = 0; i < 4; ++i)
    sqlite3_bind_text(raw, i + 1, texts[i]->data(), static_cast<int>(texts[i]->size()), SQLITE_STATIC);
  sqlite3_bind_int64(raw, 5, static_cast<sqlite3_int64>(query.limit));

  std::vector<sdk::SearchHit> hits;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    sdk::SearchHit hit;
    hit.id = column_text(raw, 0);
    hit.published = column_text(raw, 1);
    hit.title = column_text(raw, 2);
    hit.source_uri = column_text(raw, 3);
    hit.snippet = column_text(raw, 4);
    hit.score = sqlite3_column_double(raw, 5);
    hits.push_back(std::move(hit));
  }
  if (rc != SQLITE_DONE)
    throw sdk::StageError("sqlite: " + path + ": search for \"" + query.text +
                          "\" failed: " + sqlite3_errmsg(db));
  return hits;
}

}  // namespace sluice::plugins::sqlite
