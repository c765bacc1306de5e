// How an article becomes the bound parameters of the upsert.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::postgres {

// Parameters $1..$10 of Schema::upsert(). Text is valid UTF-8 without NUL
// bytes (PostgreSQL's text and jsonb refuse both); an unset value is NULL.
struct ArticleRow {
  std::string id;
  std::string source_uri;
  std::optional<std::string> content_type;
  std::string title;
  std::optional<std::string> published;  // ISO 8601 date-time, or NULL when unparseable
  std::optional<std::string> language;
  std::string authors_json;                  // JSON array of strings
  std::string body;                          // paragraphs joined by a blank line
  std::optional<std::string> fetched_at_ms;  // NULL outside years 1970..9999
  std::string article_json;                  // the canonical JSON, as the jsonl sink writes it
};

ArticleRow make_row(const sdk::Article& article);

// `s` as valid UTF-8 with every NUL byte and invalid sequence as U+FFFD.
std::string storable_text(std::string_view s);

// Canonical JSON with each "\u0000" escape as "\ufffd": the only change
// jsonb needs, since it cannot hold a NUL character.
std::string storable_json(std::string json);

}  // namespace sluice::plugins::postgres
