#include "state/serialization.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "sluice/sdk/json.hpp"

namespace sluice::host::detail {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string base64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder enc(out);
  enc.rdbuf()->setLineLength(0);
  enc << bytes;
  enc.close();
  return out.str();
}

std::string unbase64(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder dec(in);
  std::ostringstream out;
  out << dec.rdbuf();
  return out.str();
}

sdk::Value to_value(const Var& v) {
  if (v.isEmpty()) return {};
  if (v.type() == typeid(Object::Ptr)) {
    sdk::Map m;
    const auto obj = v.extract<Object::Ptr>();
    for (const auto& [k, e] : *obj) m.emplace(k, to_value(e));
    return m;
  }
  if (v.type() == typeid(Array::Ptr)) {
    sdk::List l;
    for (const auto& e : *v.extract<Array::Ptr>()) l.push_back(to_value(e));
    return l;
  }
  if (v.isBoolean()) return v.convert<bool>();
  if (v.isInteger()) return static_cast<std::int64_t>(v.convert<Poco::Int64>());
  if (v.isNumeric()) return v.convert<double>();
  return v.convert<std::string>();
}

std::string str(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

std::int64_t num(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<Poco::Int64>(key) : 0;
}

std::vector<std::string> strings(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  if (auto a = o->getArray(key))
    for (const auto& e : *a) out.push_back(e.convert<std::string>());
  return out;
}

template <class T, class Fn>
std::vector<T> objects(const Object::Ptr& o, const std::string& key, Fn&& read) {
  std::vector<T> out;
  if (auto a = o->getArray(key))
    for (std::size_t i = 0; i < a->size(); ++i) out.push_back(read(a->getObject(static_cast<unsigned>(i))));
  return out;
}

sdk::EntityType entity_type(const std::string& s) {
  if (s == "PERSON") return sdk::EntityType::Person;
  if (s == "ORG") return sdk::EntityType::Organization;
  if (s == "LOCATION") return sdk::EntityType::Location;
  return sdk::EntityType::Misc;
}

Object::Ptr parse_object(const std::string& json) {
  Poco::JSON::Parser parser;
  try {
    return parser.parse(json).extract<Object::Ptr>();
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("malformed serialised item: ") + e.what());
  }
}

}  // namespace

std::string document_to_json(const sdk::RawDocument& doc) {
  std::string out;
  sdk::json::ObjectWriter o(out);
  o.field("uri", doc.uri);
  o.field("key", doc.key);
  o.field("content_type", doc.content_type);
  o.field("fetched_at_ms", static_cast<std::int64_t>(doc.fetched_at_ms));
  o.field("bytes_base64", base64(doc.bytes));
  sdk::json::append_value(o.key("meta"), doc.meta);
  return out;
}

sdk::RawDocument document_from_json(const std::string& json) {
  const auto o = parse_object(json);
  sdk::RawDocument doc;
  doc.uri = str(o, "uri");
  doc.key = str(o, "key");
  doc.content_type = str(o, "content_type");
  doc.fetched_at_ms = num(o, "fetched_at_ms");
  doc.bytes = unbase64(str(o, "bytes_base64"));
  if (o->has("meta")) doc.meta = to_value(o->get("meta"));
  return doc;
}

sdk::Article article_from_json(const std::string& json) {
  const auto o = parse_object(json);
  sdk::Article a;
  a.id = str(o, "id");
  a.source_uri = str(o, "source_uri");
  a.content_type = str(o, "content_type");
  a.fetched_at_ms = num(o, "fetched_at_ms");
  a.raw = str(o, "raw");
  a.title = str(o, "title");
  a.published = str(o, "published");
  a.published_raw = str(o, "published_raw");
  a.authors = strings(o, "authors");
  a.caption = str(o, "caption");
  a.credit = str(o, "credit");
  a.body = strings(o, "body");
  a.language = str(o, "language");
  a.entities = objects<sdk::Entity>(o, "entities", [](const Object::Ptr& e) {
    sdk::Entity ent{str(e, "name"), entity_type(str(e, "type")), {}};
    ent.mentions = objects<sdk::Mention>(e, "mentions", [](const Object::Ptr& m) {
      return sdk::Mention{static_cast<int>(num(m, "paragraph")), static_cast<std::uint32_t>(num(m, "begin")),
                          static_cast<std::uint32_t>(num(m, "end")), str(m, "text")};
    });
    return ent;
  });
  a.quotes = objects<sdk::Quote>(o, "quotes", [](const Object::Ptr& q) {
    return sdk::Quote{str(q, "text"), str(q, "speaker"), static_cast<int>(num(q, "paragraph")),
                      q->has("scare") && q->getValue<bool>("scare")};
  });
  a.keywords = objects<sdk::Keyword>(o, "keywords", [](const Object::Ptr& k) {
    return sdk::Keyword{str(k, "term"), k->getValue<double>("score")};
  });
  if (const auto h = str(o, "simhash"); !h.empty()) a.simhash = std::stoull(h, nullptr, 16);
  if (auto r = o->getObject("readability")) {
    a.readability = sdk::Readability{
        static_cast<std::uint32_t>(num(r, "words")), static_cast<std::uint32_t>(num(r, "sentences")),
        r->getValue<double>("reading_minutes"), r->getValue<double>("flesch_reading_ease")};
  }
  if (o->has("fields")) a.fields = to_value(o->get("fields"));
  a.lineage = objects<sdk::LineageEntry>(o, "lineage", [](const Object::Ptr& l) {
    return sdk::LineageEntry{str(l, "stage"), str(l, "plugin"), str(l, "version")};
  });
  return a;
}

}  // namespace sluice::host::detail
