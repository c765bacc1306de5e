// The table the sink writes: validated names, the DDL that creates it and
// the one upsert statement. Only validated, quoted identifiers are ever
// part of SQL text; every article value is a bound parameter.
#pragma once

#include <string>
#include <string_view>

namespace sluice::plugins::postgres {

// Letters, digits and '_', not starting with a digit, 1 to `max` bytes.
bool is_plain_identifier(std::string_view name, std::size_t max = 48);

// `name` in double quotes, for SQL text (only for validated identifiers).
std::string quoted(std::string_view name);

struct Schema {
  // Throws sdk::StageError naming the option when `table` or `fts_config`
  // is not a plain identifier.
  Schema(std::string table, std::string fts_config);

  std::string table;       // as configured
  std::string fts_config;  // text search configuration name

  // CREATE TABLE / INDEX IF NOT EXISTS. `fts_literal` is fts_config as an
  // escaped SQL string literal (the connection's quote()).
  std::string create_table(const std::string& fts_literal) const;
  std::string create_index() const;
  // Selects every column the sink needs and no row: fails on an existing
  // table of another shape, before any article is at stake.
  std::string probe() const;
  // INSERT ... ON CONFLICT (id) DO UPDATE, parameters in ArticleRow order.
  std::string upsert() const;
};

}  // namespace sluice::plugins::postgres
