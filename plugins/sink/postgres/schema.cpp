#include "schema.hpp"

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::postgres {
namespace {

bool is_identifier_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

}  // namespace

bool is_plain_identifier(std::string_view name, std::size_t max) {
  if (name.empty() || name.size() > max || !is_identifier_start(name.front())) return false;
  for (const char c : name)
    if (!is_identifier_char(c)) return false;
  return true;
}

std::string quoted(std::string_view name) {
  // Built by appending: GCC 12 reports a false -Wrestrict on `"\"" + ...`.
  std::string out(1, '"');
  out.append(name);
  out.push_back('"');
  return out;
}

Schema::Schema(std::string t, std::string f) : table(std::move(t)), fts_config(std::move(f)) {
  // The index name adds "_search_idx" to the table's: 48 + 11 stays under
  // PostgreSQL's 63-byte limit, past which names are silently truncated.
  if (!is_plain_identifier(table))
    throw sdk::StageError(
        "postgres: option 'table' must be a plain identifier (letters, digits and '_', "
        "not starting with a digit, at most 48 characters), got '" +
        table + "'");
  if (!is_plain_identifier(fts_config, 63))
    throw sdk::StageError(
        "postgres: option 'fts_config' must be the name of a text search configuration "
        "(letters, digits and '_'), got '" +
        fts_config + "'");
}

std::string Schema::create_table(const std::string& fts_literal) const {
  return "CREATE TABLE IF NOT EXISTS " + quoted(table) +
         " (\n"
         "  id text PRIMARY KEY,\n"
         "  source_uri text NOT NULL,\n"
         "  content_type text,\n"
         "  title text NOT NULL DEFAULT '',\n"
         "  published timestamptz,\n"
         "  language text,\n"
         "  authors text[] NOT NULL DEFAULT '{}',\n"
         "  body text NOT NULL DEFAULT '',\n"
         "  fetched_at timestamptz,\n"
         "  article jsonb NOT NULL,\n"
         "  search tsvector GENERATED ALWAYS AS (to_tsvector(" +
         fts_literal +
         "::regconfig, title || ' ' || body)) STORED,\n"
         "  updated_at timestamptz NOT NULL DEFAULT now()\n"
         ")";
}

std::string Schema::create_index() const {
  return "CREATE INDEX IF NOT EXISTS " + quoted(table + "_search_idx") + " ON " + quoted(table) +
         " USING gin (search)";
}

std::string Schema::probe() const {
  return "SELECT id, source_uri, content_type, title, published, language, authors, body, fetched_at, "
         "article, search, updated_at FROM " +
         quoted(table) + " LIMIT 0";
}

std::string Schema::upsert() const {
  // An unchanged article (same JSONB) leaves its row alone, updated_at too.
  return "INSERT INTO " + quoted(table) +
         " AS t (id, source_uri, content_type, title, published, language, authors, body, fetched_at, "
         "article)\n"
         "VALUES ($1, $2, $3, $4, $5::timestamptz, $6, ARRAY(SELECT jsonb_array_elements_text($7::jsonb)), "
         "$8, to_timestamp($9::numeric / 1000), $10::jsonb)\n"
         "ON CONFLICT (id) DO UPDATE SET source_uri = EXCLUDED.source_uri, content_type = "
         "EXCLUDED.content_type, title = EXCLUDED.title, published = EXCLUDED.published, language = "
         "EXCLUDED.language, authors = EXCLUDED.authors, body = EXCLUDED.body, fetched_at = "
         "EXCLUDED.fetched_at, article = EXCLUDED.article, updated_at = now()\n"
         "WHERE t.article IS DISTINCT FROM EXCLUDED.article";
}

}  // namespace sluice::plugins::postgres
