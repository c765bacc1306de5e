// The article model every built-in stage agrees on: a typed core plus an
// open `fields` map for what third-party enrichers add.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sluice/sdk/value.hpp"

namespace sluice::sdk {

// A document as a source delivered it, before any parser ran.
struct RawDocument {
  std::string uri;           // canonical source URI (file:///abs/path, https://...)
  std::string key;           // stable identity within the source (relative path, GUID...)
  std::string content_type;  // MIME type if known ("text/plain", "text/html")
  std::string bytes;         // the content, read with one allocation
  std::int64_t fetched_at_ms = 0;
  // Opaque position handed back to the source's acknowledge() once every
  // sink has stored everything parsed from this document.
  std::string cursor;
  Value meta;  // source-specific extras (size, mtime, HTTP headers ...)
};

enum class EntityType { Person, Organization, Location, Misc };

// `paragraph` indexes Article::body; -1 is the title, -2 the caption, -3
// the photo credit.
// Offsets are UTF-8 byte offsets into that text, end exclusive.
struct Mention {
  int paragraph = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
};

struct Entity {
  std::string name;  // canonical name ("Sergei Shoigu" for "Mr Shoigu")
  EntityType type = EntityType::Misc;
  std::vector<Mention> mentions;
};

struct Quote {
  std::string text;
  std::string speaker;  // canonical entity name, empty when unknown
  int paragraph = 0;
  bool scare = false;  // a word or two quoted inside a sentence
};

struct Keyword {
  std::string term;
  double score = 0;
};

struct Readability {
  std::uint32_t words = 0;
  std::uint32_t sentences = 0;
  double reading_minutes = 0;
  double flesch_reading_ease = 0;
};

// Which stage touched the article, in order.
struct LineageEntry {
  std::string stage;
  std::string plugin;
  std::string version;
};

struct Article {
  // --- identity and provenance ---
  std::string id;  // see make_article_id()
  std::string source_uri;
  std::string content_type;
  std::int64_t fetched_at_ms = 0;
  std::string raw;  // original bytes, kept only when a parser is asked to

  // --- content ---
  std::string title;
  std::string published;      // ISO 8601 date or date-time, empty if unknown
  std::string published_raw;  // the date exactly as found in the document
  std::vector<std::string> authors;
  std::string caption;            // photo caption
  std::string credit;             // photo credit
  std::vector<std::string> body;  // paragraphs
  std::string language;           // ISO 639-1

  // --- enrichment ---
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Keyword> keywords;
  std::optional<std::uint64_t> simhash;
  std::optional<Readability> readability;
  Value fields = Map{};  // open extension map

  std::vector<LineageEntry> lineage;
};

inline const char* to_string(EntityType t) {
  switch (t) {
    case EntityType::Person: return "PERSON";
    case EntityType::Organization: return "ORG";
    case EntityType::Location: return "LOCATION";
    case EntityType::Misc: return "MISC";
  }
  return "MISC";
}

}  // namespace sluice::sdk
