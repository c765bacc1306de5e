// Behaviour of the `json` parser on hand-made JSON and JSON Lines fixtures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "json_parser.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::json {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::json {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// The declared defaults (the host fills them in); DefaultsMatchDeclaredOptions
// keeps this list in step with plugin.cpp.
sdk::Options options_with(sdk::Map overrides) {
  sdk::Map values{
      {"title", "title"},
      {"body", "body"},
      {"published", "published"},
      {"authors", "authors"},
      {"id", "id"},
      {"url", "url"},
      {"language", "language"},
      {"keep_fields", sdk::List{}},
      {"records", ""},
      {"lines", "auto"},
      {"max_bytes", std::int64_t{256} << 20},
      {"fallback_charset", "windows-1252"},
      {"keep_raw", false},
  };
  for (auto& [name, value] : overrides) values[name] = std::move(value);
  return sdk::Options(std::move(values));
}

// The mapping the JSON Lines fixture needs.
sdk::Map newsroom() {
  return {{"title", "headline"},
          {"body", "text"},
          {"published", "date"},
          {"authors", "byline"},
          {"keep_fields", sdk::List{"section"}}};
}

JsonParser make(sdk::Map overrides = {}) {
  sdk::StageInit init;
  init.name = "json";
  init.options = options_with(std::move(overrides));
  return JsonParser(init);
}

sdk::RawDocument document(std::string key, std::string bytes) {
  sdk::RawDocument doc;
  doc.key = key;
  doc.uri = "file:///data/" + key;
  doc.bytes = std::move(bytes);
  return doc;
}

sdk::RawDocument fixture(const std::string& name) {
  std::ifstream in(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / name, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << name;
  std::ostringstream s;
  s << in.rdbuf();
  return document(name, s.str());
}

struct Collect : sdk::ParseOutput {
  void article(sdk::Article&& a) override { articles.push_back(std::move(a)); }
  void error(std::string message) override { errors.push_back(std::move(message)); }
  std::vector<sdk::Article> articles;
  Strings errors;
};

Collect parse(const sdk::RawDocument& doc, sdk::Map overrides = {}) {
  Collect out;
  make(std::move(overrides)).parse(doc, out);
  return out;
}

std::string stage_error(const sdk::RawDocument& doc, sdk::Map overrides = {}) {
  Collect out;
  try {
    make(std::move(overrides)).parse(doc, out);
  } catch (const sdk::StageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a StageError";
  return {};
}

Strings warnings(const sdk::Article& a) {
  Strings out;
  if (const sdk::Value* w = a.fields.find("warnings")) {
    for (const auto& v : w->as_list()) out.push_back(v.as_string());
  }
  return out;
}

TEST(JsonLines, GoodLinesEmittedBadLinesReportedWithTheirNumber) {
  const Collect out = parse(fixture("articles.jsonl"), newsroom());
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_EQ(
      out.errors,
      (Strings{"line 4: not JSON (Problem while parsing an atom starting with the letter 't')",
               "line 5: not a JSON object", "line 6: no text: neither 'headline' nor 'text' holds any"}));

  const sdk::Article& a = out.articles[0];
  EXPECT_EQ(a.title, "Ports close");
  EXPECT_EQ(a.body, (Strings{"Rain closed three ports.", "Ferries resume Thursday."}));
  EXPECT_EQ(a.published, "2003-06-10T04:00:00Z");
  EXPECT_EQ(a.published_raw, "Tue, 10 Jun 2003 04:00:00 GMT");
  EXPECT_EQ(a.authors, Strings{"Jane Roe"});
  EXPECT_EQ(a.source_uri, "https://example.com/a1");
  EXPECT_EQ(a.fields.find("document_uri")->as_string(), "file:///data/articles.jsonl");
  EXPECT_EQ(a.fields.find("section")->as_string(), "weather");
  EXPECT_EQ(a.content_type, "application/json");

  const sdk::Article& b = out.articles[1];
  EXPECT_EQ(b.body, (Strings{"First paragraph.", "Second paragraph."}));
  EXPECT_EQ(b.published, "2023-07-29T10:15:00Z");
  EXPECT_EQ(b.published_raw, "1690625700");
  EXPECT_EQ(b.authors, (Strings{"A. Writer", "B. Writer"}));
  EXPECT_EQ(b.source_uri, "file:///data/articles.jsonl");
  EXPECT_EQ(warnings(b), Strings{"'text': 1 value(s) that are not strings ignored"});

  EXPECT_EQ(out.articles[2].published, "");
  EXPECT_EQ(warnings(out.articles[2]), Strings{"unrecognised date 'last Tuesday'; published left empty"});
}

TEST(JsonLines, IdsAreKeyedByTheRecordIdAndStable) {
  const Collect one = parse(fixture("articles.jsonl"), newsroom());
  const Collect two = parse(fixture("articles.jsonl"), newsroom());
  ASSERT_EQ(one.articles.size(), 3u);
  EXPECT_EQ(one.articles[0].id, two.articles[0].id);
  EXPECT_NE(one.articles[0].id, one.articles[1].id);
  sdk::Article copy = one.articles[0];
  EXPECT_EQ(one.articles[0].id, sdk::make_article_id("articles.jsonl#a1", copy));
}

TEST(JsonLines, UnnamedFileOfSeveralValuesIsDetected) {
  const Collect out = parse(fixture("unnamed_lines.json"));
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[1].title, "B");
  // Forced off, the same bytes are one broken document.
  EXPECT_NE(stage_error(fixture("unnamed_lines.json"), {{"lines", "false"}}).find("not JSON"),
            std::string::npos);
}

TEST(JsonLines, ContentTypeSaysLines) {
  auto doc = fixture("unnamed_lines.json");
  doc.content_type = "application/x-ndjson";
  EXPECT_EQ(parse(doc).articles.size(), 2u);
}

TEST(JsonLines, KeepRawKeepsTheLine) {
  const Collect out = parse(fixture("unnamed_lines.json"), {{"keep_raw", true}});
  EXPECT_EQ(out.articles[0].raw, "{\"title\": \"A\", \"body\": \"x\"}");
}

TEST(JsonLines, TooManyBadLinesAreCounted) {
  std::string bytes;
  for (int i = 0; i < 150; ++i) bytes += "nope\n";
  const Collect out = parse(document("bad.jsonl", bytes));
  ASSERT_EQ(out.errors.size(), 101u);
  EXPECT_EQ(out.errors.back(), "... and 50 more bad record(s) not listed");
}

TEST(JsonDocument, OneObjectIsOneArticle) {
  const Collect out =
      parse(fixture("single.json"), {{"keep_fields", sdk::List{"meta.section.name", "/meta/tags"}}});
  ASSERT_EQ(out.articles.size(), 1u);
  const sdk::Article& a = out.articles[0];
  EXPECT_EQ(a.title, "One article");
  EXPECT_EQ(a.body, (Strings{"A single JSON document.", "With two paragraphs."}));
  EXPECT_EQ(a.published, "2023-07-29T08:15:00Z");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.fields.find("name")->as_string(), "world");
  EXPECT_EQ(*a.fields.find("tags"), sdk::Value(sdk::List{"a", "b"}));
  EXPECT_TRUE(out.errors.empty());
}

TEST(JsonDocument, ArrayHoldsOneArticlePerElement) {
  const Collect out = parse(fixture("array.json"));
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[1].title, "Third");
  EXPECT_EQ(out.errors, Strings{"record 2: not a JSON object"});
}

TEST(JsonDocument, RecordsPath) {
  const Collect out = parse(fixture("nested.json"), {{"records", "data.articles"}});
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].title, "Nested");
  EXPECT_EQ(stage_error(fixture("nested.json"), {{"records", "data.missing"}}),
            "'records' path 'data.missing' does not lead to an array");
}

TEST(JsonDocument, BrokenDocumentFails) {
  EXPECT_EQ(stage_error(fixture("truncated.json")).rfind("not JSON: ", 0), 0u);
  EXPECT_EQ(stage_error(document("e.json", "")), "empty document");
  EXPECT_EQ(stage_error(document("e.json", " \n\t\n")), "empty document (nothing but white space)");
}

TEST(JsonDocument, LegacyEncodingIsConverted) {
  const Collect out = parse(fixture("windows1252.jsonl"));
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].title, "Caf\u00e9");
  EXPECT_EQ(out.articles[0].body, Strings{"\u201cquoted\u201d"});
}

TEST(JsonDocument, MillisecondTimestamps) {
  const Collect out = parse(document("t.json", R"({"title": "t", "published": 1690625700123})"));
  EXPECT_EQ(out.articles.at(0).published, "2023-07-29T10:15:00Z");
}

TEST(JsonOptions, BadValuesAreRefused) {
  EXPECT_THROW(make({{"lines", "maybe"}}), sdk::StageError);
  EXPECT_THROW(make({{"max_bytes", std::int64_t{0}}}), sdk::StageError);
  EXPECT_THROW(make({{"fallback_charset", "nope-8"}}), sdk::StageError);
}

TEST(JsonDescriptor, DefaultsMatchDeclaredOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "json");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_PARSER));
  EXPECT_TRUE(d->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
  const sdk::Options defaults = options_with({});
  for (std::uint32_t i = 0; i < d->option_count; ++i) {
    const auto& o = d->options[i];
    EXPECT_TRUE(o.description != nullptr && *o.description != '\0') << o.name;
    EXPECT_NE(o.example_toml, nullptr) << o.name;
    EXPECT_EQ(defaults.has(o.name), o.required == 0) << o.name;
  }
  EXPECT_EQ(d->option_count, defaults.all().size());
}

}  // namespace
}  // namespace sluice::plugins::json
