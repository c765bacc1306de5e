#include "field_mapping.hpp"

#include <cstdint>
#include <utility>

#include "sluice/sdk/text.hpp"

namespace sluice::plugins::json {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view string_of(element e) { return e.get_string().value_unsafe(); }

// A string body is split at blank lines; an array keeps one paragraph per
// string element (each normalised on one line). Returns how many array
// elements were skipped because they were not strings.
std::size_t read_body(element e, std::vector<std::string>& body) {
  if (e.is_string()) {
    body = sdk::text::split_paragraphs(string_of(e));
    return 0;
  }
  if (!e.is_array()) return 1;
  std::size_t skipped = 0;
  for (element item : simdjson::dom::array(e)) {
    if (!item.is_string()) {
      ++skipped;
      continue;
    }
    if (std::string p = sdk::text::collapse_whitespace(string_of(item)); !p.empty())
      body.push_back(std::move(p));
  }
  return skipped;
}

// "A. Writer", ["A. Writer", "B. Writer"] or [{"name": "A. Writer"}]. A
// single string is one byline and stays whole ("A and B" is not split: names
// with "and" exist).
void read_authors(element e, std::vector<std::string>& authors) {
  const auto add = [&](element one) {
    if (one.is_object()) {
      element name;
      if (one["name"].get(name) != simdjson::SUCCESS) return;
      one = name;
    }
    if (!one.is_string()) return;
    if (std::string a = sdk::text::collapse_whitespace(string_of(one)); !a.empty())
      authors.push_back(std::move(a));
  };
  if (e.is_array()) {
    for (element item : simdjson::dom::array(e)) add(item);
  } else {
    add(e);
  }
}

// Dates as strings in any form normalize_date() knows, or Unix time as a
// number: seconds, or milliseconds when too large to be seconds.
void read_published(element e, sdk::Article& a) {
  if (e.is_string()) {
    a.published_raw = string_of(e);
    a.published = sdk::text::normalize_date(a.published_raw).value_or("");
    return;
  }
  a.published_raw = scalar_text(e).value_or("");
  if (!e.is_int64()) return;  // not a date, or a number past any date
  std::int64_t v = e.get_int64().value_unsafe();
  if (v > 100'000'000'000) v /= 1000;        // milliseconds (seconds that large are year 5138)
  if (v < 0 || v > 253'402'300'799) return;  // before 1970 or after 9999
  a.published = sdk::text::normalize_date(std::to_string(v)).value_or("");
}

}  // namespace

FieldMapping FieldMapping::from_options(const sdk::Options& options) {
  FieldMapping m;
  m.title = FieldPath(options.string("title"));
  m.body = FieldPath(options.string("body"));
  m.published = FieldPath(options.string("published"));
  m.authors = FieldPath(options.string("authors"));
  m.id = FieldPath(options.string("id"));
  m.url = FieldPath(options.string("url"));
  m.language = FieldPath(options.string("language"));
  for (const auto& spec : options.strings("keep_fields")) m.keep.emplace_back(spec);
  return m;
}

std::optional<std::string> map_record(element record, const FieldMapping& m, MappedRecord& out) {
  if (!record.is_object()) return "not a JSON object";
  sdk::Article& a = out.article;
  sdk::List warnings;

  if (const auto t = m.title.find(record); t && t->is_string())
    a.title = sdk::text::collapse_whitespace(string_of(*t));
  if (const auto b = m.body.find(record)) {
    if (const std::size_t skipped = read_body(*b, a.body); skipped != 0)
      warnings.emplace_back("'" + m.body.spec() + "': " + std::to_string(skipped) +
                            " value(s) that are not strings ignored");
  }
  if (a.title.empty() && a.body.empty())
    return "no text: neither '" + m.title.spec() + "' nor '" + m.body.spec() + "' holds any";

  if (const auto p = m.published.find(record)) {
    read_published(*p, a);
    if (a.published.empty() && !a.published_raw.empty())
      warnings.emplace_back("unrecognised date '" + a.published_raw + "'; published left empty");
  }
  if (const auto au = m.authors.find(record)) read_authors(*au, a.authors);
  if (const auto u = m.url.find(record); u && u->is_string()) a.source_uri = string_of(*u);
  if (const auto l = m.language.find(record); l && l->is_string()) a.language = string_of(*l);
  if (const auto id = m.id.find(record)) out.record_id = scalar_text(*id);
  for (const FieldPath& keep : m.keep) {
    if (const auto v = keep.find(record)) a.fields[keep.name()] = to_value(*v);
  }
  if (!warnings.empty()) a.fields["warnings"] = std::move(warnings);
  return std::nullopt;
}

}  // namespace sluice::plugins::json
