#include "article_columns.hpp"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <iterator>
#include <limits>

#include "sluice/sdk/json.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::sqlite {
namespace {

constexpr int kReplacementCharacter = 0xFFFD;

// SQLite stores TEXT bytes as given, but readers (Python's sqlite3, most
// drivers) fail on invalid UTF-8. Plain ASCII is copied as is; anything
// else is decoded, with invalid sequences replaced by U+FFFD.
void append_utf8(std::string& out, std::string_view in) {
  const bool ascii =
      std::all_of(in.begin(), in.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    out.append(in);
    return;
  }
  if (in.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw sdk::StageError("sqlite: a text value is larger than 2 GiB");
  }
  Poco::UTF8Encoding utf8;
  Poco::TextConverter(utf8, utf8, kReplacementCharacter).convert(in.data(), static_cast<int>(in.size()), out);
}

void append_json_strings(std::string& out, const std::vector<std::string>& list) {
  sdk::json::append_array(out, list,
                          [](std::string& o, const std::string& s) { sdk::json::append_string(o, s); });
}

constexpr TextColumn kTextColumns[] = {
    {"id", "TEXT NOT NULL UNIQUE", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.id); }},
    {"source_uri", "TEXT", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.source_uri); }},
    {"title", "TEXT", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.title); }},
    {"published", "TEXT", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.published); }},
    {"language", "TEXT", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.language); }},
    {"authors", "TEXT",  // a JSON array of strings
     [](const sdk::Article& a, std::string& o) { append_json_strings(o, a.authors); }},
    {"caption", "TEXT", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.caption); }},
    {"credit", "TEXT", [](const sdk::Article& a, std::string& o) { append_utf8(o, a.credit); }},
    {"body", "TEXT",  // paragraphs separated by a blank line
     [](const sdk::Article& a, std::string& o) {
       for (std::size_t i = 0; i < a.body.size(); ++i) {
         if (i > 0) o += "\n\n";
         append_utf8(o, a.body[i]);
       }
     }},
    {"json", "TEXT NOT NULL",  // the canonical JSON every sink writes
     [](const sdk::Article& a, std::string& o) { sdk::json::append_article(o, a); }},
};

}  // namespace

std::span<const TextColumn> text_columns() { return kTextColumns; }

ArticleColumns::ArticleColumns() : text_(std::size(kTextColumns)) {}

void ArticleColumns::assign(std::span<const sdk::Article> batch) {
  for (std::size_t c = 0; c < text_.size(); ++c) {
    auto& values = text_[c];
    values.resize(batch.size());
    for (std::size_t row = 0; row < batch.size(); ++row) {
      values[row].clear();
      kTextColumns[c].fill(batch[row], values[row]);
    }
  }
  fetched_at_ms_.clear();
  for (const sdk::Article& a : batch) fetched_at_ms_.push_back(a.fetched_at_ms);
}

}  // namespace sluice::plugins::sqlite
