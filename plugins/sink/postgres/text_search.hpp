// `sluice search` over the sink's table: websearch_to_tsquery on the
// generated tsvector column, ts_rank_cd ranking, ts_headline snippets.
#pragma once

#include <pqxx/connection>
#include <vector>

#include "schema.hpp"
#include "sluice/sdk/search.hpp"

namespace sluice::plugins::postgres {

// Runs `query` in a read-only transaction. pqxx errors propagate; the sink
// turns them into sdk::StageError with its own name.
std::vector<sdk::SearchHit> text_search(pqxx::connection& connection, const Schema& schema,
                                        const sdk::SearchQuery& query);

}  // namespace sluice::plugins::postgres
