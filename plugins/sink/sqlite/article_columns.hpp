// How an article maps onto the table's columns: the one list from which the
// DDL, the upsert and the bound values are all generated.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::sqlite {

struct TextColumn {
  const char* name;
  const char* sql_type;
  // The column's value for `article`, valid UTF-8: a view of the article's
  // own text when that is usable as is, otherwise built in `scratch`.
  std::string_view (*value)(const sdk::Article& article, std::string& scratch);
};

// The text columns in bind order; `id` comes first.
std::span<const TextColumn> text_columns();
// The one integer column, bound after the text columns.
inline constexpr const char* kFetchedAtColumn = "fetched_at_ms";

// One batch's column values, row by row, ready to be bound without copying:
// the views point into the articles or into buffers owned here, so they are
// valid until the next assign() and while the articles live.
class BatchRows {
 public:
  // Replaces the contents with `batch`, reusing the buffers' capacity.
  void assign(std::span<const sdk::Article> batch);

  std::size_t size() const { return fetched_at_ms_.size(); }
  // text_columns().size() values, in the same order.
  std::span<const std::string_view> text(std::size_t row) const;
  std::int64_t fetched_at_ms(std::size_t row) const { return fetched_at_ms_[row]; }

 private:
  std::vector<std::string> scratch_;  // one per row and text column
  std::vector<std::string_view> text_;
  std::vector<std::int64_t> fetched_at_ms_;
};

}  // namespace sluice::plugins::sqlite
