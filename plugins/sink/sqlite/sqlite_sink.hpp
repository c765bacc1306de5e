// The `sqlite` sink: upserts articles by id into one table of an SQLite
// database (WAL mode), optionally with an FTS5 index over title and body.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <optional>
#include <span>
#include <string>

#include "article_columns.hpp"
#include "schema.hpp"
#include "sluice/sdk/search.hpp"
#include "sluice/sdk/stage.hpp"
#include "upsert_statement.hpp"

namespace sluice::plugins::sqlite {

class SqliteSink final : public sdk::Sink, public sdk::Searchable {
 public:
  // Options: path (required), table, fts, busy_timeout (ms), synchronous.
  // Opens the database and creates the table (and index) if missing.
  explicit SqliteSink(const sdk::StageInit& init);

  // Upserts the batch in one transaction; committed when this returns.
  // Throws sdk::StageError naming the database and SQLite's message.
  void write(std::span<const sdk::Article> batch) override;
  // Optimizes and closes the connection. Idempotent.
  void close() override;
  // Full-text search over the FTS5 index (`sluice search`); refused when the
  // sink keeps none (fts = false).
  std::vector<sdk::SearchHit> search(const sdk::SearchQuery& query) override;

 private:
  void create_schema(bool fts);
  [[noreturn]] void fail(const Poco::Exception& e) const;

  Schema schema_;
  bool fts_ = true;
  std::string path_;
  sdk::Log* log_;
  std::optional<Poco::Data::Session> session_;  // empty once closed
  std::optional<UpsertStatement> upsert_;       // on session_'s connection; reset before it closes
  BatchRows rows_;                              // reused across batches
};

}  // namespace sluice::plugins::sqlite
