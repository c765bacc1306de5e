#include "article_row.hpp"

#include "sluice/sdk/json.hpp"
#include "sluice/sdk/text.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::postgres {
namespace {

std::optional<std::string> unless_empty(std::string s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// Articles carry ISO 8601 (parsers normalise dates); anything else, from a
// third-party stage, is read as news dates are, or left NULL.
std::optional<std::string> timestamp(std::string_view published) {
  auto iso = sdk::text::normalize_date(published);
  if (!iso) return std::nullopt;
  if (iso->size() == 10) iso->append("T00:00:00Z");  // a date alone: midnight UTC
  return iso;
}

constexpr std::int64_t kYear10000Ms = 253402300800000;

}  // namespace

std::string storable_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t start = 0;
  for (std::size_t nul = s.find('\0'); nul != std::string_view::npos; nul = s.find('\0', start)) {
    sdk::utf8::append_sanitized(out, s.substr(start, nul - start));
    out += sdk::utf8::kReplacement;
    start = nul + 1;
  }
  sdk::utf8::append_sanitized(out, s.substr(start));
  return out;
}

std::string storable_json(std::string json) {
  // Skips over every escape so that an escaped backslash followed by
  // "u0000" (the text \u0000 itself) stays as it is.
  for (std::size_t i = json.find('\\'); i != std::string::npos; i = json.find('\\', i + 2)) {
    if (json.compare(i + 1, 5, "u0000") == 0) json.replace(i + 1, 5, "ufffd");
  }
  return json;
}

ArticleRow make_row(const sdk::Article& a) {
  ArticleRow row;
  row.id = storable_text(a.id);
  row.source_uri = storable_text(a.source_uri);
  row.content_type = unless_empty(storable_text(a.content_type));
  row.title = storable_text(a.title);
  row.published = timestamp(a.published);
  row.language = unless_empty(storable_text(a.language));
  std::vector<std::string> authors;
  for (const auto& author : a.authors) authors.push_back(storable_text(author));
  sdk::json::append_array(row.authors_json, authors,
                          [](std::string& out, const std::string& s) { sdk::json::append_string(out, s); });
  for (std::size_t i = 0; i < a.body.size(); ++i) {
    if (i > 0) row.body += "\n\n";
    row.body += storable_text(a.body[i]);
  }
  if (a.fetched_at_ms > 0 && a.fetched_at_ms < kYear10000Ms)
    row.fetched_at_ms = std::to_string(a.fetched_at_ms);
  row.article_json = storable_json(sdk::json::to_json(a));
  return row;
}

}  // namespace sluice::plugins::postgres
