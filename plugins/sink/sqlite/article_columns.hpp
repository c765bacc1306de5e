// How an article maps onto the table's columns: the one list from which the
// DDL, the upsert and the bound values are all generated.
#pragma once

#include <Poco/Types.h>

#include <span>
#include <string>
#include <vector>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::sqlite {

struct TextColumn {
  const char* name;
  const char* sql_type;
  // Appends the column's value for `article` to `out` (valid UTF-8).
  void (*fill)(const sdk::Article& article, std::string& out);
};

// The text columns in bind order; `id` comes first.
std::span<const TextColumn> text_columns();
// The one integer column, bound after the text columns.
inline constexpr const char* kFetchedAtColumn = "fetched_at_ms";

// One batch laid out column by column: Poco binds one vector per
// placeholder and steps the prepared statement once per row.
class ArticleColumns {
 public:
  ArticleColumns();

  // Replaces the contents with `batch`, reusing the strings' capacity.
  void assign(std::span<const sdk::Article> batch);

  // One vector per text_columns() entry, in the same order.
  std::vector<std::vector<std::string>>& text() { return text_; }
  std::vector<Poco::Int64>& fetched_at_ms() { return fetched_at_ms_; }

 private:
  std::vector<std::vector<std::string>> text_;
  std::vector<Poco::Int64> fetched_at_ms_;
};

}  // namespace sluice::plugins::sqlite
