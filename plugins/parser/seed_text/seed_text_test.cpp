// Behaviour of the `seed_text` parser on the real seed and on ugly fixtures.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "seed_text_parser.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/testing/options.hpp"

namespace sluice::plugins::seed_text {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::seed_text {
namespace {

namespace fs = std::filesystem;
using Paragraphs = std::vector<std::string>;

// Options as the host would pass them: the declared defaults plus
// `overrides`, converted by the host's own validator.
SeedTextParser make(const sdk::Map& overrides = {}) {
  sdk::StageInit init;
  init.pipeline = "test";
  init.name = "seed_text";
  init.options = sdk::testing::make_options(*descriptor(), overrides);
  return SeedTextParser(init);
}

class Collect : public sdk::ParseOutput {
 public:
  void article(sdk::Article&& a) override { articles.push_back(std::move(a)); }
  void error(std::string message) override { errors.push_back(std::move(message)); }
  std::vector<sdk::Article> articles;
  std::vector<std::string> errors;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

sdk::RawDocument document(std::string bytes, std::string key = "doc.txt") {
  sdk::RawDocument doc;
  doc.uri = "file:///data/" + key;
  doc.key = std::move(key);
  doc.bytes = std::move(bytes);
  doc.fetched_at_ms = 1'690'000'000'000;
  return doc;
}

sdk::RawDocument fixture(const std::string& name) {
  return document(slurp(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / name), name);
}

// Parses through the Parser interface, as the host does, and expects one
// article and no partial errors.
sdk::Article parse(const sdk::RawDocument& doc, sdk::Map overrides = {}) {
  SeedTextParser parser = make(std::move(overrides));
  Collect out;
  parser.parse(doc, out);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(out.articles.size(), 1u);
  return out.articles.empty() ? sdk::Article{} : std::move(out.articles.front());
}

std::vector<std::string> warnings(const sdk::Article& a) {
  std::vector<std::string> out;
  if (const sdk::Value* w = a.fields.find("warnings")) {
    for (const auto& v : w->as_list()) out.push_back(v.as_string());
  }
  return out;
}

bool has_warning(const sdk::Article& a, std::string_view part) {
  for (const auto& w : warnings(a)) {
    if (w.find(part) != std::string::npos) return true;
  }
  return false;
}

// The StageError message parse() throws for `doc`; fails if none.
std::string stage_error(const sdk::RawDocument& doc, sdk::Map overrides = {}) {
  SeedTextParser parser = make(std::move(overrides));
  Collect out;
  try {
    parser.parse(doc, out);
  } catch (const sdk::StageError& e) {
    EXPECT_TRUE(out.articles.empty());
    return e.what();
  }
  ADD_FAILURE() << "expected a StageError";
  return {};
}

// --- the seed ---------------------------------------------------------------

class SeedArticle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    doc_ = new sdk::RawDocument(
        document(slurp(fs::path(SLUICE_SOURCE_DIR) / "seeds" / "000_42c6fa3853cb70aa.txt"),
                 "000_42c6fa3853cb70aa.txt"));
    article_ = new sdk::Article(parse(*doc_));
  }
  static void TearDownTestSuite() {
    delete article_;
    delete doc_;
  }
  static sdk::RawDocument* doc_;
  static sdk::Article* article_;
};
sdk::RawDocument* SeedArticle::doc_ = nullptr;
sdk::Article* SeedArticle::article_ = nullptr;

TEST_F(SeedArticle, HasTheDate) {
  EXPECT_EQ(article_->published, "2023-07-29");
  EXPECT_EQ(article_->published_raw, "2023-07-29");
}

TEST_F(SeedArticle, HasTheCaptionAndCredit) {
  EXPECT_EQ(article_->caption,
            "Kim Jong-un (left) and Sergei Shoigu shaking hands at the office building of the "
            "Party Central Committee in Pyongyang");
  EXPECT_EQ(article_->credit, "STR/KCNA /KNS/AFP");
}

TEST_F(SeedArticle, HasAllTwentyParagraphs) {
  const auto& body = article_->body;
  ASSERT_EQ(body.size(), 20u);
  EXPECT_TRUE(body.front().starts_with("Russia\xE2\x80\x99s defence minister")) << body.front();
  EXPECT_TRUE(body.back().starts_with("However, Mr Shoigu\xE2\x80\x99s visit")) << body.back();
  EXPECT_TRUE(body.back().ends_with("on the Korean Peninsula.")) << body.back();
  for (const auto& p : body) {
    EXPECT_FALSE(p.empty());
    EXPECT_EQ(p.find('\n'), std::string::npos);
    EXPECT_FALSE(p.starts_with(' ') || p.ends_with(' ')) << p;
  }
}

TEST_F(SeedArticle, KeepsEveryWordOfTheBody) {
  // Everything after the header, re-joined, is exactly the paragraphs.
  const std::string& text = doc_->bytes;
  const std::string rest = text.substr(text.find("\n\n") + 2);
  std::string expected;
  for (const auto& p : article_->body) expected += p + "\n\n";
  EXPECT_EQ(rest, expected);
}

TEST_F(SeedArticle, HasIdentityAndNoWarnings) {
  EXPECT_EQ(article_->title, "");
  EXPECT_EQ(article_->source_uri, doc_->uri);
  EXPECT_EQ(article_->content_type, "text/plain");
  EXPECT_EQ(article_->fetched_at_ms, doc_->fetched_at_ms);
  EXPECT_EQ(article_->id, sdk::make_article_id(doc_->key, *article_));
  EXPECT_EQ(article_->id.size(), 32u);
  EXPECT_EQ(article_->raw, "");
  EXPECT_EQ(article_->fields, sdk::Value(sdk::Map{}));
}

TEST_F(SeedArticle, IdIsStableAndFollowsContent) {
  EXPECT_EQ(parse(*doc_).id, article_->id);
  sdk::RawDocument changed = *doc_;
  changed.bytes += "\nOne more paragraph.\n";
  EXPECT_NE(parse(changed).id, article_->id);
  EXPECT_EQ(parse(changed).id.substr(0, 16), article_->id.substr(0, 16));  // same key
}

TEST_F(SeedArticle, TitleFromFirstParagraphIsItsFirstSentence) {
  const sdk::Article a = parse(*doc_, {{"title_from_first_paragraph", true}});
  EXPECT_EQ(a.title,
            "Russia\xE2\x80\x99s defence minister is in North Korea to secure weapons, Anthony "
            "Blinken, the US secretary of state has said");
  EXPECT_EQ(a.body, article_->body);  // the paragraph stays in the body
  EXPECT_NE(a.id, article_->id);      // the title is part of the id
}

TEST_F(SeedArticle, KeepRawKeepsTheBytes) { EXPECT_EQ(parse(*doc_, {{"keep_raw", true}}).raw, doc_->bytes); }

TEST_F(SeedArticle, ContentTypeFromTheDocumentWins) {
  sdk::RawDocument doc = *doc_;
  doc.content_type = "text/x-seed";
  EXPECT_EQ(parse(doc).content_type, "text/x-seed");
}

// --- layout edge cases ------------------------------------------------------

TEST(SeedTextLayout, CrlfAndStrayCarriageReturns) {
  const sdk::Article a = parse(fixture("crlf.txt"));
  EXPECT_EQ(a.caption, "Caption with CRLF");
  EXPECT_EQ(a.credit, "AFP");
  EXPECT_EQ(a.body, (Paragraphs{"First paragraph wraps here.", "Second paragraph has a stray CR.",
                                "Third paragraph."}));
  EXPECT_TRUE(warnings(a).empty());
}

TEST(SeedTextLayout, ClassicMacLineEnds) {
  const sdk::Article a = parse(fixture("mac_cr.txt"));
  EXPECT_EQ(a.published, "2024-02-29");
  EXPECT_EQ(a.caption, "Leap day");
  EXPECT_EQ(a.body, (Paragraphs{"First.", "Second continued."}));
}

TEST(SeedTextLayout, ByteOrderMarkIsDropped) {
  const sdk::Article a = parse(fixture("bom.txt"));
  EXPECT_EQ(a.published, "2023-07-29");
  EXPECT_EQ(a.caption, "A caption");
  EXPECT_EQ(a.credit, "Reuters");
  EXPECT_EQ(a.body, (Paragraphs{"Body after a BOM."}));
  EXPECT_TRUE(warnings(a).empty());
}

TEST(SeedTextLayout, WhitespaceLinesAndRunsOfBlankLinesSeparateParagraphs) {
  const sdk::Article a = parse(fixture("blank_runs.txt"));
  EXPECT_EQ(a.published, "2023-07-29");
  EXPECT_EQ(a.credit, "Credit");
  EXPECT_EQ(a.body, (Paragraphs{"One.", "Two tabs and spaces.", "Three."}));
  EXPECT_TRUE(warnings(a).empty());
}

TEST(SeedTextLayout, HardWrappedLinesAreJoinedWithOneSpace) {
  const sdk::Article a = parse(fixture("hard_wrapped.txt"));
  EXPECT_EQ(a.caption, "A long caption that the writer wrapped");
  EXPECT_EQ(a.credit, "Photo Desk");
  EXPECT_EQ(a.body,
            (Paragraphs{"This paragraph was wrapped at a narrow width by an editor.", "So was this one."}));
}

TEST(SeedTextLayout, UnicodeBlankLinesAndControlCharactersAreWhiteSpace) {
  const sdk::Article a = parse(fixture("unicode_blank.txt"));
  EXPECT_EQ(a.body, (Paragraphs{"One two.", "Three four five."}));
}

TEST(SeedTextLayout, CaptionAndCreditSplitAtTheLastSpacedHyphen) {
  const sdk::Article a = parse(fixture("dashes.txt"));
  EXPECT_EQ(a.caption, "Kim - left - and Shoigu \xE2\x80\x93 right - in Pyongyang");
  EXPECT_EQ(a.credit, "STR/KCNA /KNS/AFP");
}

TEST(SeedTextLayout, HeaderWithoutCreditOrCaption) {
  EXPECT_EQ(parse(document("date 2023-07-29 Just a caption\n\nBody.")).caption, "Just a caption");
  EXPECT_EQ(parse(document("date 2023-07-29 Just a caption\n\nBody.")).credit, "");
  const sdk::Article credit_only = parse(document("date 2023-07-29 - AFP\n\nBody."));
  EXPECT_EQ(credit_only.caption, "");
  EXPECT_EQ(credit_only.credit, "AFP");
  const sdk::Article bare = parse(document("DATE 2023-07-29\n\nBody."));
  EXPECT_EQ(bare.published, "2023-07-29");
  EXPECT_EQ(bare.caption, "");
  EXPECT_EQ(bare.body, (Paragraphs{"Body."}));
}

// --- content edge cases -----------------------------------------------------

TEST(SeedTextContent, NoDateLineKeepsTheFirstLineAsBody) {
  const sdk::Article a = parse(fixture("no_date.txt"));
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.published_raw, "");
  EXPECT_EQ(a.caption, "");
  EXPECT_EQ(a.credit, "");
  EXPECT_EQ(a.body, (Paragraphs{"Date palms grow well in the desert - experts say.", "Second paragraph."}));
  EXPECT_TRUE(has_warning(a, "no date line")) << ::testing::PrintToString(warnings(a));
}

TEST(SeedTextContent, BadDateKeepsTheRawTextAndWarns) {
  const sdk::Article a = parse(fixture("bad_date.txt"));
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.published_raw, "2023-13-45");
  EXPECT_EQ(a.caption, "Caption");
  EXPECT_EQ(a.credit, "Credit");
  EXPECT_EQ(a.body, (Paragraphs{"Body."}));
  EXPECT_TRUE(has_warning(a, "invalid date '2023-13-45'"));
}

TEST(SeedTextContent, OtherDateShapesAreKeptRaw) {
  for (const char* raw : {"2023-02-29", "2023-7-29", "29/07/2023", "2023-07-29T10:00Z", "20230729"}) {
    const sdk::Article a = parse(document(std::string("date ") + raw + " Caption - AFP\n\nBody."));
    EXPECT_EQ(a.published, "") << raw;
    EXPECT_EQ(a.published_raw, raw);
    EXPECT_EQ(a.credit, "AFP") << raw;
    EXPECT_TRUE(has_warning(a, "invalid date")) << raw;
  }
  EXPECT_EQ(parse(document("date 2024-02-29 Leap - AFP\n\nBody.")).published, "2024-02-29");
}

TEST(SeedTextContent, InvalidUtf8IsReplacedNeverThrown) {
  const sdk::Article a = parse(fixture("invalid_utf8.txt"));
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(a.caption, "Caf\xC3\xA9 " + fffd + " caption");
  EXPECT_EQ(a.body, (Paragraphs{"Truncated " + fffd + fffd + " here.",
                                "Overlong " + fffd + fffd + " and surrogate " + fffd + fffd + fffd +
                                    " and stray " + fffd + ".",
                                "Valid \xE2\x80\x99 quote."}));
  EXPECT_TRUE(has_warning(a, "9 invalid UTF-8 byte(s)")) << ::testing::PrintToString(warnings(a));
}

TEST(SeedTextContent, HeaderOnlyGivesAnArticleWithoutBody) {
  const sdk::Article a = parse(fixture("header_only.txt"));
  EXPECT_EQ(a.caption, "Only a header");
  EXPECT_TRUE(a.body.empty());
  EXPECT_TRUE(has_warning(a, "no body paragraphs"));
}

// --- whole-document failures ------------------------------------------------

TEST(SeedTextFailure, EmptyAndBlankDocumentsFail) {
  EXPECT_EQ(stage_error(fixture("empty.txt")), "empty document");
  EXPECT_EQ(stage_error(fixture("whitespace_only.txt")), "empty document (nothing but white space)");
  EXPECT_EQ(stage_error(fixture("bom_only.txt")), "empty document (nothing but white space)");
}

TEST(SeedTextFailure, DocumentTheSourceCouldNotReadFailsWithTheSourcesReason) {
  sdk::RawDocument doc = document("");
  doc.meta["oversize"] = true;
  doc.meta["error"] = "file is 100 bytes, larger than max_size (10 bytes); not read";
  const std::string message = stage_error(doc);
  EXPECT_NE(message.find("could not read"), std::string::npos) << message;
  EXPECT_NE(message.find("larger than max_size"), std::string::npos) << message;
}

// A generated document of `size` bytes: a header, then 998-byte paragraphs,
// then one shorter paragraph of 'z' filling up to `size`.
struct LargeDocument {
  std::string text;
  std::string paragraph;  // the repeated one, as it should be parsed
  std::size_t paragraphs = 0;
};

LargeDocument large_document(std::size_t size) {
  LargeDocument d;
  for (int i = 0; i < 99; ++i) d.paragraph += "abcdefghi ";
  d.paragraph += "abcdefgh";
  d.text = " date 2023-07-29 Generated - Test\n\n";
  d.text.reserve(size);
  while (d.text.size() + d.paragraph.size() + 2 <= size) {
    d.text += d.paragraph;
    d.text += "\n\n";
    ++d.paragraphs;
  }
  if (d.text.size() < size) {
    d.text.append(size - d.text.size(), 'z');
    ++d.paragraphs;
  }
  return d;
}

#if defined(__SANITIZE_ADDRESS__)
#define SLUICE_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#define SLUICE_TEST_UNDER_ASAN __has_feature(address_sanitizer)
#else
#define SLUICE_TEST_UNDER_ASAN 0
#endif

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

constexpr std::size_t k50MiB = std::size_t{50} << 20;

TEST(SeedTextFailure, OversizeDocumentFailsNamingSizeAndLimit) {
  const sdk::RawDocument doc = document(large_document(k50MiB).text);
  ASSERT_EQ(doc.bytes.size(), 52'428'800u);
  const std::string message = stage_error(doc);
  EXPECT_NE(message.find("52428800 bytes"), std::string::npos) << message;
  EXPECT_NE(message.find("max_bytes (16777216 bytes)"), std::string::npos) << message;
}

TEST(SeedTextFailure, RaisedLimitParsesTheLargeDocumentInBoundedMemory) {
  LargeDocument large = large_document(k50MiB);
  const sdk::RawDocument doc = document(std::move(large.text));
  const long before = peak_rss_kib();
  const sdk::Article a = parse(doc, {{"max_bytes", std::int64_t{64} << 20}});
  [[maybe_unused]] const long grown_mib = (peak_rss_kib() - before) / 1024;
  ASSERT_EQ(a.body.size(), large.paragraphs);
  EXPECT_EQ(a.body.front(), large.paragraph);
  EXPECT_EQ(a.body.back(), std::string(a.body.back().size(), 'z'));
#if !SLUICE_TEST_UNDER_ASAN  // ASan's quarantine keeps freed memory resident
  // The article holds about one copy of the text; allow for allocator slack
  // but not for anything that grows faster than the input.
  EXPECT_LT(grown_mib, 120) << "peak memory grew by " << grown_mib << " MiB for a 50 MiB input";
#endif
}

TEST(SeedTextOptions, ZeroMaxBytesIsRefused) {
  EXPECT_THROW(make({{"max_bytes", std::int64_t{0}}}), sdk::StageError);
}

TEST(SeedTextDescriptor, DeclaresItsOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "seed_text");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_PARSER));
  EXPECT_TRUE(d->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
  // Every option is optional, so the defaults alone make a complete set.
  const sdk::Options defaults = sdk::testing::make_options(*d);
  EXPECT_EQ(defaults.size("max_bytes"), std::uint64_t{16} << 20);
  EXPECT_FALSE(defaults.boolean("title_from_first_paragraph"));
  EXPECT_FALSE(defaults.boolean("keep_raw"));
  EXPECT_EQ(d->option_count, defaults.all().size());
}

}  // namespace
}  // namespace sluice::plugins::seed_text
