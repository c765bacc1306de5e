// SQL text for the sink's table, its full-text index and the upsert. The
// table name is the only text interpolated into SQL, and only after
// is_plain_identifier() accepted it; article values are always bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::sqlite {

// [A-Za-z_][A-Za-z0-9_]*
bool is_plain_identifier(std::string_view name);

class Schema {
 public:
  // Throws sdk::StageError when `table` is not a plain identifier.
  explicit Schema(std::string table);

  const std::string& table() const { return table_; }
  std::string fts_table() const { return table_ + "_fts"; }

  // CREATE TABLE IF NOT EXISTS for the content table.
  std::string create_table() const;
  // The FTS5 external-content table and the triggers keeping it in sync.
  std::vector<std::string> create_fts() const;
  // Fills the FTS index from rows stored before it existed.
  std::string rebuild_fts() const;
  // Selects every column the sink writes: fails on an incompatible table.
  std::string probe() const;
  // Parameters per row of upsert(): the text columns, then fetched_at_ms.
  static std::size_t columns_per_row();
  // INSERT ... VALUES (...), (...) ON CONFLICT(id) DO UPDATE for `rows` rows,
  // one '?' per column in bind order (text_columns(), then fetched_at_ms),
  // row after row. Unchanged rows are left alone.
  std::string upsert(std::size_t rows) const;

 private:
  std::string table_;
};

}  // namespace sluice::plugins::sqlite
