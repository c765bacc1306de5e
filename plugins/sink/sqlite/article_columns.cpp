#include "article_columns.hpp"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

#include <iterator>
#include <limits>

#include "sluice/sdk/json.hpp"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::sqlite {
namespace {

constexpr int kReplacementCharacter = 0xFFFD;

// SQLite stores TEXT bytes as given, but readers (Python's sqlite3, most
// drivers) fail on invalid UTF-8. Valid text (nearly all of it) is copied as
// is; anything else is decoded, with each invalid sequence replaced by one
// U+FFFD.
void append_utf8(std::string& out, std::string_view in) {
  if (sdk::utf8::is_valid(in)) {
    out.append(in);
    return;
  }
  if (in.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw sdk::StageError("sqlite: a text value is larger than 2 GiB");
  }
  Poco::UTF8Encoding utf8;
  Poco::TextConverter(utf8, utf8, kReplacementCharacter).convert(in.data(), static_cast<int>(in.size()), out);
}

// The article's own text when it is valid UTF-8, so that binding it copies
// nothing; a repaired copy in `scratch` otherwise.
std::string_view utf8_view(std::string_view in, std::string& scratch) {
  if (sdk::utf8::is_valid(in)) return in;
  append_utf8(scratch, in);
  return scratch;
}

std::string_view json_strings(const std::vector<std::string>& list, std::string& scratch) {
  sdk::json::append_array(scratch, list,
                          [](std::string& o, const std::string& s) { sdk::json::append_string(o, s); });
  return scratch;
}

// Paragraphs separated by a blank line.
std::string_view joined_body(const std::vector<std::string>& body, std::string& scratch) {
  if (body.size() == 1) return utf8_view(body.front(), scratch);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (i > 0) scratch += "\n\n";
    append_utf8(scratch, body[i]);
  }
  return scratch;
}

constexpr TextColumn kTextColumns[] = {
    {"id", "TEXT NOT NULL UNIQUE", [](const sdk::Article& a, std::string& s) { return utf8_view(a.id, s); }},
    {"source_uri", "TEXT", [](const sdk::Article& a, std::string& s) { return utf8_view(a.source_uri, s); }},
    {"title", "TEXT", [](const sdk::Article& a, std::string& s) { return utf8_view(a.title, s); }},
    {"published", "TEXT", [](const sdk::Article& a, std::string& s) { return utf8_view(a.published, s); }},
    {"language", "TEXT", [](const sdk::Article& a, std::string& s) { return utf8_view(a.language, s); }},
    {"authors", "TEXT",  // a JSON array of strings
     [](const sdk::Article& a, std::string& s) { return json_strings(a.authors, s); }},
    {"caption", "TEXT", [](const sdk::Article& a, std::string& s) { return utf8_view(a.caption, s); }},
    {"credit", "TEXT", [](const sdk::Article& a, std::string& s) { return utf8_view(a.credit, s); }},
    {"body", "TEXT", [](const sdk::Article& a, std::string& s) { return joined_body(a.body, s); }},
    {"json", "TEXT NOT NULL",  // the canonical JSON every sink writes, built once
     [](const sdk::Article& a, std::string& s) {
       sdk::json::append_article(s, a);
       return std::string_view(s);
     }},
};

constexpr std::size_t kTextColumnCount = std::size(kTextColumns);

}  // namespace

std::span<const TextColumn> text_columns() { return kTextColumns; }

void BatchRows::assign(std::span<const sdk::Article> batch) {
  // Sized before any view is taken: growing the vector later would move
  // the strings (and short strings' inline buffers) under the views.
  if (scratch_.size() < batch.size() * kTextColumnCount) scratch_.resize(batch.size() * kTextColumnCount);
  text_.clear();
  fetched_at_ms_.clear();
  for (std::size_t row = 0; row < batch.size(); ++row) {
    for (std::size_t c = 0; c < kTextColumnCount; ++c) {
      std::string& scratch = scratch_[row * kTextColumnCount + c];
      scratch.clear();
      text_.push_back(kTextColumns[c].value(batch[row], scratch));
    }
    fetched_at_ms_.push_back(batch[row].fetched_at_ms);
  }
}

std::span<const std::string_view> BatchRows::text(std::size_t row) const {
  return std::span(text_).subspan(row * kTextColumnCount, kTextColumnCount);
}

}  // namespace sluice::plugins::sqlite
