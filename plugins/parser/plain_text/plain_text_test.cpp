// Behaviour of the `plain_text` parser on hand-made fixtures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "plain_text_parser.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::plain_text {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::plain_text {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// The declared defaults (the host fills them in); DefaultsMatchDeclaredOptions
// keeps this list in step with plugin.cpp.
sdk::Options options_with(sdk::Map overrides) {
  sdk::Map values{
      {"max_bytes", std::int64_t{16} << 20},
      {"first_line_is_title", true},
      {"fallback_charset", "windows-1252"},
      {"keep_raw", false},
  };
  for (auto& [name, value] : overrides) values[name] = std::move(value);
  return sdk::Options(std::move(values));
}

PlainTextParser make(sdk::Map overrides = {}) {
  sdk::StageInit init;
  init.name = "plain_text";
  init.options = options_with(std::move(overrides));
  return PlainTextParser(init);
}

std::string slurp(const std::string& name) {
  std::ifstream in(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / name, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

sdk::RawDocument fixture(const std::string& name, std::string content_type = "") {
  sdk::RawDocument doc;
  doc.key = name;
  doc.uri = "file:///data/" + name;
  doc.content_type = std::move(content_type);
  doc.bytes = slurp(name);
  return doc;
}

class Collect : public sdk::ParseOutput {
 public:
  void article(sdk::Article&& a) override { articles.push_back(std::move(a)); }
  void error(std::string message) override { errors.push_back(std::move(message)); }
  std::vector<sdk::Article> articles;
  Strings errors;
};

sdk::Article parse(const sdk::RawDocument& doc, sdk::Map overrides = {}) {
  PlainTextParser parser = make(std::move(overrides));
  Collect out;
  parser.parse(doc, out);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(out.articles.size(), 1u);
  return out.articles.empty() ? sdk::Article{} : std::move(out.articles.front());
}

std::string stage_error(const sdk::RawDocument& doc) {
  Collect out;
  try {
    make().parse(doc, out);
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

TEST(PlainText, HeadlineThenParagraphs) {
  const auto a = parse(fixture("headline_body.txt"));
  EXPECT_EQ(a.title, "Storm closes ports along the coast");
  EXPECT_EQ(a.body, (Strings{"Heavy rain and gales closed three ports on Tuesday, the coastguard said.",
                             "Ferries will resume on Thursday."}));
  EXPECT_EQ(a.content_type, "text/plain");
  EXPECT_EQ(a.source_uri, "file:///data/headline_body.txt");
  EXPECT_EQ(a.id.size(), 32u);
  EXPECT_TRUE(warnings(a).empty());
  EXPECT_EQ(a.fields.find("charset"), nullptr);
}

TEST(PlainText, LeadingBlankLinesAndNoBlankAfterHeadline) {
  const auto a = parse(fixture("leading_blank.txt"));
  EXPECT_EQ(a.title, "Headline after blank lines");
  EXPECT_EQ(a.body, Strings{"Body straight after the headline."});
}

TEST(PlainText, HeadlineOnlyWarns) {
  const auto a = parse(fixture("headline_only.txt"));
  EXPECT_EQ(a.title, "Only a headline");
  EXPECT_TRUE(a.body.empty());
  EXPECT_EQ(warnings(a), Strings{"no body paragraphs after the headline"});
}

TEST(PlainText, ByteOrderMarkAndCrLf) {
  const auto a = parse(fixture("bom_crlf.txt"));
  EXPECT_EQ(a.title, "Marked headline");
  EXPECT_EQ(a.body, (Strings{"First paragraph.", "Second paragraph."}));
}

TEST(PlainText, ClassicMacLineEnds) {
  const auto a = parse(fixture("mac_cr.txt"));
  EXPECT_EQ(a.title, "Mac headline");
  EXPECT_EQ(a.body, (Strings{"line two of body", "Second paragraph"}));
}

TEST(PlainText, UndeclaredLegacyBytesReadAsWindows1252) {
  const auto a = parse(fixture("windows1252.txt"));
  EXPECT_EQ(a.title, "Caf\u00e9 prices rise");
  EXPECT_EQ(a.body, Strings{"The \u201ccaf\u00e9\u201d owners \u2013 all of them \u2013 agree."});
  EXPECT_EQ(a.fields.find("charset")->as_string(), "windows-1252");
}

TEST(PlainText, ConfiguredFallbackCharset) {
  const auto a = parse(fixture("windows1251.txt"), {{"fallback_charset", "windows-1251"}});
  EXPECT_EQ(a.title, "\u041f\u0440\u0438\u0432\u0435\u0442");  // Привет
  EXPECT_EQ(a.body, Strings{"\u041c\u0438\u0440."});           // Мир.
}

TEST(PlainText, ContentTypeCharsetWins) {
  const auto a = parse(fixture("windows1251.txt", "text/plain; charset=windows-1251"));
  EXPECT_EQ(a.title, "\u041f\u0440\u0438\u0432\u0435\u0442");
  EXPECT_EQ(a.content_type, "text/plain; charset=windows-1251");
}

TEST(PlainText, Utf16WithByteOrderMark) {
  const auto a = parse(fixture("utf16le_bom.txt"));
  EXPECT_EQ(a.title, "Hi");
  EXPECT_EQ(a.body, Strings{"Body"});
  EXPECT_EQ(a.fields.find("charset")->as_string(), "utf-16le");
}

TEST(PlainText, DeclaredUtf8WithBadBytesIsRepaired) {
  const auto a = parse(fixture("invalid_utf8_declared.txt", "text/plain; charset=UTF-8"));
  EXPECT_EQ(a.title, "Bad \uFFFD byte headline");
  EXPECT_EQ(a.body, Strings{"Valid text and a stray \uFFFD byte."});
  EXPECT_EQ(warnings(a), Strings{"2 invalid byte sequence(s) in utf-8 replaced with U+FFFD"});
}

TEST(PlainText, TitleOffKeepsEveryLineInTheBody) {
  const auto a = parse(fixture("headline_body.txt"), {{"first_line_is_title", false}});
  EXPECT_TRUE(a.title.empty());
  ASSERT_EQ(a.body.size(), 3u);
  EXPECT_EQ(a.body.front(), "Storm closes ports along the coast");
}

TEST(PlainText, StableIdAndKeepRaw) {
  const auto doc = fixture("headline_body.txt");
  const auto a = parse(doc, {{"keep_raw", true}});
  EXPECT_EQ(a.id, parse(doc).id);
  EXPECT_EQ(a.raw, doc.bytes);
}

TEST(PlainText, EmptyAndWhiteSpaceDocumentsFail) {
  EXPECT_EQ(stage_error(fixture("empty.txt")), "empty document");
  EXPECT_EQ(stage_error(fixture("whitespace_only.txt")), "empty document (nothing but white space)");
}

TEST(PlainText, OversizeAndUnreadDocumentsFail) {
  auto doc = fixture("headline_body.txt");
  PlainTextParser small = make({{"max_bytes", std::int64_t{10}}});
  Collect out;
  EXPECT_THROW(small.parse(doc, out), sdk::StageError);
  doc.meta["error"] = "file is larger than max_size";
  EXPECT_EQ(stage_error(doc), "the source could not read the document: file is larger than max_size");
}

TEST(PlainText, BadOptionsAreRefused) {
  EXPECT_THROW(make({{"max_bytes", std::int64_t{0}}}), sdk::StageError);
  EXPECT_THROW(make({{"fallback_charset", "no-such-charset"}}), sdk::StageError);
}

TEST(PlainTextDescriptor, DefaultsMatchDeclaredOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "plain_text");
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
}  // namespace sluice::plugins::plain_text
