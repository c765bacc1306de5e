// `sluice search` over the sink's FTS5 index: bm25 ranking, snippet() with
// the matches marked, and the filters of sdk::SearchQuery.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "schema.hpp"
#include "sluice/sdk/search.hpp"

namespace sluice::plugins::sqlite {

// Runs `query` against `schema`'s table and its FTS5 index on `db`. Throws
// sdk::StageError with SQLite's message for a query FTS5 cannot parse.
std::vector<sdk::SearchHit> fts_search(sqlite3* db, const Schema& schema, const std::string& path,
                                       const sdk::SearchQuery& query);

}  // namespace sluice::plugins::sqlite
