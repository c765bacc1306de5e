#include "schema.hpp"

#include <algorithm>

#include "article_columns.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::sqlite {
namespace {

bool is_identifier_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

// Quoting as well as validating keeps names like "order" usable. (Built by
// appending: GCC 12 reports a false -Wrestrict on `"\"" + std::string(..)`.)
std::string quoted(std::string_view identifier) {
  std::string out(1, '"');
  out.append(identifier).push_back('"');
  return out;
}

// Every column the sink binds, in bind order.
std::vector<std::string> bound_column_names() {
  std::vector<std::string> names;
  for (const TextColumn& c : text_columns()) names.emplace_back(c.name);
  names.emplace_back(kFetchedAtColumn);
  return names;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace

bool is_plain_identifier(std::string_view name) {
  return !name.empty() && is_identifier_start(name.front()) &&
         std::all_of(name.begin(), name.end(), is_identifier_char);
}

Schema::Schema(std::string table) : table_(std::move(table)) {
  if (!is_plain_identifier(table_)) {
    throw sdk::StageError(
        "sqlite: option 'table' must be a plain identifier "
        "([A-Za-z_][A-Za-z0-9_]*), not \"" +
        table_ + "\"");
  }
}

std::size_t Schema::columns_per_row() { return text_columns().size() + 1; }

std::string Schema::upsert(std::size_t rows) const {
  const std::vector<std::string> columns = bound_column_names();
  // Built by appending, like quoted(), to sidestep GCC 12's false -Wrestrict.
  std::string row(1, '(');
  row.append(join(std::vector<std::string>(columns.size(), "?"), ", ")).push_back(')');
  std::vector<std::string> updates;
  for (const std::string& c : columns) {
    if (c != "id") updates.push_back(c + " = excluded." + c);
  }
  updates.emplace_back("updated_at = CURRENT_TIMESTAMP");
  // The WHERE keeps a rerun over the same input from rewriting rows (and
  // their FTS entries) or touching updated_at when nothing changed.
  return "INSERT INTO " + quoted(table_) + " (" + join(columns, ", ") + ") VALUES " +
         join(std::vector<std::string>(rows, row), ", ") + " ON CONFLICT (id) DO UPDATE SET " +
         join(updates, ", ") + " WHERE " + quoted(table_) + ".json IS NOT excluded.json";
}

std::string Schema::create_table() const {
  // An explicit INTEGER PRIMARY KEY makes rowids stable across VACUUM; the
  // FTS index refers to rows by rowid, so they must never be renumbered.
  std::vector<std::string> definitions = {"rowid INTEGER PRIMARY KEY"};
  for (const TextColumn& c : text_columns()) {
    definitions.push_back(std::string(c.name) + " " + c.sql_type);
  }
  definitions.push_back(std::string(kFetchedAtColumn) + " INTEGER");
  definitions.emplace_back("updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP");
  return "CREATE TABLE IF NOT EXISTS " + quoted(table_) + " (" + join(definitions, ", ") + ")";
}

std::vector<std::string> Schema::create_fts() const {
  const std::string t = quoted(table_);
  const std::string fts = quoted(fts_table());
  const std::string add = "INSERT INTO " + fts +
                          " (rowid, title, body) "
                          "VALUES (new.rowid, new.title, new.body);";
  const std::string remove = "INSERT INTO " + fts + " (" + fts +
                             ", rowid, title, body) "
                             "VALUES ('delete', old.rowid, old.title, old.body);";
  const std::string trigger = "CREATE TRIGGER IF NOT EXISTS ";
  return {
      "CREATE VIRTUAL TABLE IF NOT EXISTS " + fts + " USING fts5(title, body, content='" + table_ +
          "', content_rowid='rowid')",
      trigger + quoted(fts_table() + "_ai") + " AFTER INSERT ON " + t + " BEGIN " + add + " END",
      trigger + quoted(fts_table() + "_ad") + " AFTER DELETE ON " + t + " BEGIN " + remove + " END",
      // A re-fetched article usually changes only its JSON (fetched_at_ms,
      // lineage): its index entry is left alone unless the text changed.
      trigger + quoted(fts_table() + "_au") + " AFTER UPDATE OF title, body ON " + t +
          " WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN " + remove + " " + add + " END",
  };
}

std::string Schema::rebuild_fts() const {
  return "INSERT INTO " + quoted(fts_table()) + " (" + quoted(fts_table()) + ") VALUES ('rebuild')";
}

std::string Schema::probe() const {
  return "SELECT " + join(bound_column_names(), ", ") + ", updated_at FROM " + quoted(table_) + " LIMIT 0";
}

}  // namespace sluice::plugins::sqlite
