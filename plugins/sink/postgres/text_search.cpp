#include "text_search.hpp"

#include <pqxx/pqxx>

namespace sluice::plugins::postgres {
namespace {

// Empty filters are passed as '' and switch their condition off. NULLIF
// keeps '' from ever reaching the ::date cast. Entities match by name or by
// any mention's text, from the canonical JSON in `article`.
std::string search_sql(const Schema& schema) {
  std::string table(1, '"');  // appended: GCC 12 warns falsely on `"\"" + std::string(..)`
  table.append(schema.table).push_back('"');
  return "SELECT t.id, coalesce(to_char(t.published AT TIME ZONE 'UTC', 'YYYY-MM-DD'), ''), t.title, "
         "t.source_uri, ts_headline($1::regconfig, t.title || ' ' || t.body, q, "
         "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MinWords=8, MaxWords=24, MaxFragments=1'), "
         "ts_rank_cd(t.search, q) FROM " +
         table +
         " t, websearch_to_tsquery($1::regconfig, $2) q WHERE t.search @@ q "
         "AND ($3 = '' OR t.published >= NULLIF($3, '')::date) AND ($4 = '' OR t.language = $4) "
         "AND ($5 = '' OR EXISTS (SELECT 1 FROM jsonb_array_elements(t.article->'entities') e "
         "WHERE e->>'name' = $5 OR EXISTS (SELECT 1 FROM jsonb_array_elements(e->'mentions') m "
         "WHERE m->>'text' = $5))) ORDER BY ts_rank_cd(t.search, q) DESC, t.id LIMIT $6";
}

}  // namespace

std::vector<sdk::SearchHit> text_search(pqxx::connection& connection, const Schema& schema,
                                        const sdk::SearchQuery& query) {
  pqxx::read_transaction t(connection);
  const auto rows = t.exec_params(search_sql(schema), schema.fts_config, query.text, query.since,
                                  query.language, query.entity, static_cast<long long>(query.limit));
  std::vector<sdk::SearchHit> hits;
  for (const auto& row : rows) {
    sdk::SearchHit hit;
    hit.id = row[0].as<std::string>();
    hit.published = row[1].as<std::string>();
    hit.title = row[2].as<std::string>();
    hit.source_uri = row[3].as<std::string>();
    hit.snippet = row[4].as<std::string>();
    hit.score = row[5].as<double>();
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace sluice::plugins::postgres
