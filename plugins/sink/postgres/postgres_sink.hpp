// The `postgres` sink: upserts articles by id into one PostgreSQL table,
// one transaction per batch, with the canonical JSON in a jsonb column and
// a full-text index over title and body.
#pragma once

#include <memory>
#include <pqxx/connection>
#include <span>
#include <string>
#include <vector>

#include "article_row.hpp"
#include "conninfo.hpp"
#include "schema.hpp"
#include "sluice/sdk/search.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::postgres {

class PostgresSink final : public sdk::Sink, public sdk::Searchable {
 public:
  // Options: connection (required), table, fts_config, connect_timeout.
  // Bad options throw sdk::StageError before anything connects. Then it
  // connects and creates the table and index if missing; a server that is
  // down is only a warning here (write() retries), any other refusal
  // (permissions, an incompatible table) throws.
  explicit PostgresSink(const sdk::StageInit& init);
  ~PostgresSink() override;

  // Upserts the batch in one transaction; committed when this returns.
  // Server unreachable or lost: throws sdk::StageError (the host retries,
  // and the next call reconnects). Articles the server refuses for their
  // data (a constraint, a trigger) are found one by one, the rest are
  // committed, and sdk::RejectedArticles names each refused id.
  void write(std::span<const sdk::Article> batch) override;
  // Closes the connection. Idempotent.
  void close() override;
  // Full-text search (`sluice search`): websearch_to_tsquery over title and
  // body in the table's fts_config, ranked by ts_rank_cd.
  std::vector<sdk::SearchHit> search(const sdk::SearchQuery& query) override;

 private:
  // Connects, creates the schema and prepares the upsert, unless connected.
  void connect();
  // The batch in one transaction; false when a row's data was refused.
  bool upsert_all(const std::vector<ArticleRow>& rows);
  // The batch again, each row under a savepoint; returns the refused rows
  // by their articles' `ids`.
  std::vector<sdk::RejectedArticles::Rejection> upsert_each(const std::vector<ArticleRow>& rows,
                                                            const std::vector<std::string>& ids);
  std::string where() const;  // "postgres sink 'name' (user@host:port/db)"

  std::string stage_;
  ConnInfo conninfo_;
  Schema schema_;
  sdk::Log* log_;
  std::unique_ptr<pqxx::connection> connection_;  // null until connected, after a loss, once closed
  bool closed_ = false;
};

}  // namespace sluice::plugins::postgres
