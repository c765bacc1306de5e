#include "delivery.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "marker.hpp"

namespace reliability {
namespace {

void count(Tally& t, const std::string& id, const std::string& body, std::set<std::string>& ids) {
  ++t.records;
  ids.insert(id);
  if (auto n = find_marker(body))
    ++t.copies[*n];
  else
    ++t.unmarked;
}

}  // namespace

std::vector<long> Tally::lost(const std::set<long>& expected) const {
  std::vector<long> out;
  for (long n : expected)
    if (!copies.count(n)) out.push_back(n);
  return out;
}

std::vector<long> Tally::duplicated() const {
  std::vector<long> out;
  for (const auto& [n, c] : copies)
    if (c > 1) out.push_back(n);
  return out;
}

std::vector<long> Tally::unexpected(const std::set<long>& expected) const {
  std::vector<long> out;
  for (const auto& [n, c] : copies)
    if (!expected.count(n)) out.push_back(n);
  return out;
}

Tally tally_jsonl(const std::filesystem::path& file) {
  Tally t;
  std::set<std::string> ids;
  std::ifstream in(file, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    try {
      const auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
      std::string body;
      if (const auto paragraphs = object->getArray("body"))
        for (const auto& p : *paragraphs) body += p.convert<std::string>() + "\n";
      count(t, object->getValue<std::string>("id"), body, ids);
    } catch (const std::exception&) {
      ++t.malformed;  // includes a last line without '\n' cut mid-object
    }
  }
  t.distinct_ids = ids.size();
  return t;
}

Tally tally_sqlite(const std::filesystem::path& file) {
  Tally t;
  if (!std::filesystem::exists(file)) return t;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + file.string());
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT id, body FROM articles", -1, &st, nullptr) != SQLITE_OK) {
    const std::string why = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error(file.string() + ": " + why);
  }
  std::set<std::string> ids;
  const auto text = [&](int col) {
    const auto* p = sqlite3_column_text(st, col);
    return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
  };
  while (sqlite3_step(st) == SQLITE_ROW) count(t, text(0), text(1), ids);
  sqlite3_finalize(st);
  sqlite3_close(db);
  t.distinct_ids = ids.size();
  return t;
}

long stored_document_marker(const std::string& document_json) {
  const auto object = Poco::JSON::Parser().parse(document_json).extract<Poco::JSON::Object::Ptr>();
  std::istringstream encoded(object->getValue<std::string>("bytes_base64"));
  Poco::Base64Decoder decoder(encoded);
  std::ostringstream bytes;
  bytes << decoder.rdbuf();
  return find_marker(bytes.str()).value_or(-1);
}

std::set<long> marker_range(long count, long first) {
  std::set<long> out;
  for (long n = first; n < first + count; ++n) out.insert(n);
  return out;
}

std::string summarize(const std::vector<long>& markers) {
  std::string out = "[";
  constexpr std::size_t kShown = 10;
  for (std::size_t i = 0; i < markers.size() && i < kShown; ++i)
    out += (i ? ", " : "") + std::to_string(markers[i]);
  if (markers.size() > kShown) out += " ... (" + std::to_string(markers.size()) + " in all)";
  return out + "]";
}

}  // namespace reliability
