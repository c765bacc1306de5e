// The canonical JSON form of an article. Every sink that stores JSON uses
// this writer, so the same article has the same shape in JSONL, SQLite,
// PostgreSQL or Kafka. Keys are written in a fixed order.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/utf8.hpp"
#include "sluice/sdk/value.hpp"

namespace sluice::sdk::json {

// Appends `s` as a JSON string literal. Invalid UTF-8 bytes become U+FFFD so
// the output is always valid JSON, whatever a plugin put in the article.
inline void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  // Copy runs of bytes that need no escaping in one append: printable ASCII
  // and valid UTF-8 sequences. Only quotes, backslashes, control bytes and
  // invalid UTF-8 interrupt a run.
  const char* data = s.data();
  std::size_t run = 0, i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      char32_t cp;
      if (const std::size_t len = utf8::decode(s, i, cp); len != 0) {
        i += len;
        continue;
      }
    }
    out.append(data + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += utf8::kReplacement;  // invalid UTF-8 byte
        }
    }
    run = ++i;
  }
  out.append(data + run, n - run);
  out.push_back('"');
}

inline void append_number(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  out += buf;
}

inline void append_value(std::string& out, const Value& v) {
  const auto& st = v.storage();
  if (v.is_null()) {
    out += "null";
  } else if (v.is_bool()) {
    out += v.as_bool() ? "true" : "false";
  } else if (v.is_int()) {
    out += std::to_string(v.as_int());
  } else if (v.is_double()) {
    append_number(out, v.as_double());
  } else if (v.is_string()) {
    append_string(out, v.as_string());
  } else if (v.is_list()) {
    out.push_back('[');
    bool first = true;
    for (const auto& e : v.as_list()) {
      if (!first) out.push_back(',');
      first = false;
      append_value(out, e);
    }
    out.push_back(']');
  } else {
    out.push_back('{');
    bool first = true;
    for (const auto& [k, e] : std::get<Map>(st)) {
      if (!first) out.push_back(',');
      first = false;
      append_string(out, k);
      out.push_back(':');
      append_value(out, e);
    }
    out.push_back('}');
  }
}

// Small writer for objects: handles commas so callers list fields only.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_.push_back('{'); }
  ~ObjectWriter() { out_.push_back('}'); }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  std::string& key(std::string_view k) {
    if (!first_) out_.push_back(',');
    first_ = false;
    append_string(out_, k);
    out_.push_back(':');
    return out_;
  }
  void field(std::string_view k, std::string_view v) { append_string(key(k), v); }
  // Without this, a string literal would pick the bool overload.
  void field(std::string_view k, const char* v) { append_string(key(k), v); }
  void field(std::string_view k, std::int64_t v) { key(k) += std::to_string(v); }
  void field(std::string_view k, double v) { append_number(key(k), v); }
  void field(std::string_view k, bool v) { key(k) += v ? "true" : "false"; }

 private:
  std::string& out_;
  bool first_ = true;
};

template <class Range, class Fn>
void append_array(std::string& out, const Range& r, Fn&& each) {
  out.push_back('[');
  bool first = true;
  for (const auto& e : r) {
    if (!first) out.push_back(',');
    first = false;
    each(out, e);
  }
  out.push_back(']');
}

inline void append_article(std::string& out, const Article& a) {
  ObjectWriter o(out);
  o.field("id", a.id);
  o.field("source_uri", a.source_uri);
  o.field("content_type", a.content_type);
  o.field("fetched_at_ms", static_cast<std::int64_t>(a.fetched_at_ms));
  o.field("title", a.title);
  o.field("published", a.published);
  o.field("published_raw", a.published_raw);
  append_array(o.key("authors"), a.authors, [](std::string& s, const std::string& v) { append_string(s, v); });
  o.field("caption", a.caption);
  o.field("credit", a.credit);
  append_array(o.key("body"), a.body, [](std::string& s, const std::string& v) { append_string(s, v); });
  o.field("language", a.language);
  append_array(o.key("entities"), a.entities, [](std::string& s, const Entity& e) {
    ObjectWriter eo(s);
    eo.field("name", e.name);
    eo.field("type", to_string(e.type));
    append_array(eo.key("mentions"), e.mentions, [](std::string& s2, const Mention& m) {
      ObjectWriter mo(s2);
      mo.field("paragraph", static_cast<std::int64_t>(m.paragraph));
      mo.field("begin", static_cast<std::int64_t>(m.begin));
      mo.field("end", static_cast<std::int64_t>(m.end));
      mo.field("text", m.text);
    });
  });
  append_array(o.key("quotes"), a.quotes, [](std::string& s, const Quote& q) {
    ObjectWriter qo(s);
    qo.field("text", q.text);
    qo.field("speaker", q.speaker);
    qo.field("paragraph", static_cast<std::int64_t>(q.paragraph));
    qo.field("scare", q.scare);
  });
  append_array(o.key("keywords"), a.keywords, [](std::string& s, const Keyword& k) {
    ObjectWriter ko(s);
    ko.field("term", k.term);
    ko.field("score", k.score);
  });
  if (a.simhash) o.field("simhash", hex64(*a.simhash));
  else o.key("simhash") += "null";
  if (a.readability) {
    ObjectWriter ro(o.key("readability"));
    ro.field("words", static_cast<std::int64_t>(a.readability->words));
    ro.field("sentences", static_cast<std::int64_t>(a.readability->sentences));
    ro.field("reading_minutes", a.readability->reading_minutes);
    ro.field("flesch_reading_ease", a.readability->flesch_reading_ease);
  } else {
    o.key("readability") += "null";
  }
  append_value(o.key("fields"), a.fields);
  append_array(o.key("lineage"), a.lineage, [](std::string& s, const LineageEntry& l) {
    ObjectWriter lo(s);
    lo.field("stage", l.stage);
    lo.field("plugin", l.plugin);
    lo.field("version", l.version);
  });
  if (!a.raw.empty()) o.field("raw", a.raw);
}

inline std::string to_json(const Article& a) {
  std::string out;
  out.reserve(512 + a.body.size() * 256);
  append_article(out, a);
  return out;
}

}  // namespace sluice::sdk::json
