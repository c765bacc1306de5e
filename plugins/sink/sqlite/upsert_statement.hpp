// The batch upsert, on SQLite's own API: many rows per statement execution,
// values bound without copying, statements prepared once per row count.
//
// Why many rows per execution: with the FTS triggers, every execution of the
// upsert opens a statement savepoint, and SQLite's FTS5 (3.40) flushes its
// pending index entries to a new segment at every savepoint. One row per
// execution meant one tiny segment per article and constant merging, which
// cost more than everything else the sink does.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "article_columns.hpp"
#include "schema.hpp"

namespace sluice::plugins::sqlite {

class UpsertStatement {
 public:
  // `db` must outlive this object; `path` names the database in errors.
  UpsertStatement(sqlite3* db, const Schema& schema, std::string path);

  // Upserts every row, inside the caller's transaction. Throws
  // sdk::StageError naming the database and SQLite's message.
  void run(const BatchRows& rows);

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  using Prepared = std::unique_ptr<sqlite3_stmt, Finalize>;

  sqlite3_stmt* prepared(std::size_t rows);
  void execute(sqlite3_stmt* statement, const BatchRows& rows, std::size_t first, std::size_t count);

  sqlite3* db_;
  Schema schema_;
  std::string path_;
  std::size_t max_rows_;                        // per execution, within SQLite's parameter limit
  std::map<std::size_t, Prepared> statements_;  // by row count
};

}  // namespace sluice::plugins::sqlite
