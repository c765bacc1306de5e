// The `html` parser as the host sees it: options, errors, encodings,
// stability, resource limits and threads.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "html_test_support.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::html {
namespace {

using namespace testing;

const std::string kArticle =
    "<html><head><title>A headline for the test</title></head><body>"
    "<p>The first paragraph of the article is long enough to look like prose, with a comma or two, "
    "and it goes on for a while.</p>"
    "<p>The second paragraph continues the story in the same way, and it also has commas, "
    "because that is how articles are written.</p></body></html>";

// --- the descriptor -----------------------------------------------------------

TEST(Descriptor, ThreadSafeParserNamedHtml) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "html");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_PARSER));
  EXPECT_NE(d->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE, 0u);
}

TEST(Descriptor, SampleTomlValidates) {
  const sdk::Options o =
      sdk::testing::sample_options(*descriptor(), fs::path(SLUICE_PLUGIN_TEST_DIR) / "sample.toml");
  EXPECT_EQ(o.string("favor"), "balanced");
  EXPECT_EQ(o.size("max_bytes"), std::uint64_t{16} << 20);
}

TEST(Options, NonsenseValuesAreRefused) {
  EXPECT_THROW(make_parser({{"favor", "speed"}}), sdk::StageError);
  EXPECT_THROW(make_parser({{"max_bytes", std::int64_t{0}}}), sdk::StageError);
  EXPECT_THROW(make_parser({{"min_paragraph_chars", std::int64_t{-1}}}), sdk::StageError);
  EXPECT_THROW(make_parser({{"fallback_charset", "no-such-charset"}}), sdk::StageError);
}

// --- documents that hold no article ------------------------------------------

TEST(BadInput, EmptyAndBlankDocuments) {
  EXPECT_EQ(stage_error(document("")), "empty document");
  EXPECT_EQ(stage_error(document(" \n\t \xC2\xA0 ")), "empty document (nothing but white space)");
}

TEST(BadInput, BinaryIsNotAPage) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10";
  const std::string png(kPng, sizeof kPng - 1);
  EXPECT_EQ(
      stage_error(document(png)),
      "binary data, not text: of 20 characters, 6 are NUL, 8 control characters and 0 undecodable bytes");
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise.push_back(static_cast<char>(1 + (i * 7) % 30));
  EXPECT_NE(stage_error(document(noise)).find("binary data, not text"), std::string::npos);
}

TEST(BadInput, AStrayNulByteIsNoReasonToRefuseAPage) {
  std::string page = kArticle;
  page.insert(page.find("first"), std::string(1, '\0'));
  EXPECT_TRUE(has_text(parse(document(page)), "paragraph of the article"));
}

TEST(BadInput, LargerThanMaxBytes) {
  EXPECT_EQ(stage_error(document(kArticle), {{"max_bytes", std::int64_t{100}}}),
            "document is " + std::to_string(kArticle.size()) +
                " bytes, larger than max_bytes (100 bytes); raise max_bytes to parse it");
}

TEST(BadInput, SourceCouldNotRead) {
  sdk::RawDocument doc = document("");
  doc.meta = sdk::Map{{"error", "file is larger than max_size"}};
  EXPECT_EQ(stage_error(doc), "the source could not read the document: file is larger than max_size");
}

TEST(BadInput, NoTitleAndNoText) {
  EXPECT_EQ(stage_error(document("<html><body><script>var a = 1;</script><img src=x></body></html>")),
            "no article in the page: it has no text");
}

TEST(BadInput, TitleOnlyIsAnArticleWithAWarning) {
  const sdk::Article a = parse(document("<title>Just a title</title><nav><a href=/>Home</a></nav>"));
  EXPECT_EQ(a.title, "Just a title");
  EXPECT_TRUE(a.body.empty());
  EXPECT_EQ(warnings(a), (std::vector<std::string>{"no main text found; the article has a title only"}));
}

TEST(BadInput, TruncatedPageGivesWhatItHas) {
  const sdk::Article a = parse(document(kArticle.substr(0, kArticle.find("because that"))));
  EXPECT_EQ(a.title, "A headline for the test");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_TRUE(a.body[1].ends_with("and it also has commas,"));
}

// --- encodings ----------------------------------------------------------------

TEST(Encoding, InvalidUtf8InAUtf8PageIsRepaired) {
  std::string page = kArticle;
  page.insert(page.find("<title>"), "<meta charset=\"utf-8\">");
  page.replace(page.find("first"), 5, "f\xFF\xFEirst");
  const sdk::Article a = parse(document(page));
  EXPECT_TRUE(a.body[0].starts_with("The f\xEF\xBF\xBD\xEF\xBF\xBDirst paragraph"));
  EXPECT_EQ(warnings(a),
            (std::vector<std::string>{"2 invalid byte sequence(s) in utf-8 replaced with U+FFFD"}));
}

TEST(Encoding, UndeclaredLegacyPagesUseTheFallbackCharset) {
  // "Привет, мир" in windows-1251, no declaration anywhere.
  const std::string page = "<title>\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0</title>";
  EXPECT_EQ(parse(document(page), {{"fallback_charset", "windows-1251"}}).title, "Привет, мир");
  EXPECT_EQ(parse(document(page)).title, "Ïðèâåò, ìèð");  // the windows-1252 default
}

TEST(Encoding, Utf16WithByteOrderMark) {
  std::string page = "\xFF\xFE";
  for (const char c : kArticle) page += std::string{c, '\0'};
  const sdk::Article a = parse(document(page));
  EXPECT_EQ(a.title, "A headline for the test");
  EXPECT_EQ(a.body.size(), 2u);
}

// --- the article's identity and provenance -----------------------------------

TEST(Article, IdIsStableAndDerivedFromKeyAndContent) {
  const sdk::Article a = parse(document(kArticle, "a.html"));
  EXPECT_EQ(a.id, parse(document(kArticle, "a.html")).id);
  EXPECT_NE(a.id, parse(document(kArticle, "b.html")).id);
  EXPECT_EQ(a.id, sdk::make_article_id("a.html", a));
  EXPECT_EQ(a.id.size(), 32u);
}

TEST(Article, ProvenanceAndRaw) {
  sdk::RawDocument doc = document(kArticle);
  doc.content_type.clear();
  const sdk::Article plain = parse(doc);
  EXPECT_EQ(plain.content_type, "text/html");
  EXPECT_EQ(plain.fetched_at_ms, 1'690'000'000'000);
  EXPECT_TRUE(plain.raw.empty());
  EXPECT_EQ(parse(doc, {{"keep_raw", true}}).raw, kArticle);
}

// --- options that shape the text ---------------------------------------------

TEST(Favor, PrecisionDropsLinkHeavierParagraphs) {
  // 40% of this paragraph is link text: kept by "balanced" (up to 50%),
  // dropped by "precision" (up to 33%).
  std::string page = kArticle;
  page.insert(page.find("</body>"),
              "<p>See also <a href=/a>the council's budget papers</a> and the <a href=/b>minutes</a> of the "
              "March meeting for the details.</p>");
  EXPECT_TRUE(has_text(parse(document(page)), "See also"));
  EXPECT_FALSE(has_text(parse(document(page), {{"favor", "precision"}}), "See also"));
  EXPECT_TRUE(has_text(parse(document(page), {{"favor", "recall"}}), "See also"));
}

TEST(MinParagraphChars, ShortLinesGoAtTheEdgesOnly) {
  std::string page = kArticle;
  page.insert(page.find("<p>The first"), "<p>Jane Doe, Lisbon</p>");
  page.insert(page.find("<p>The second"), "<p>Short, but inside.</p>");
  page.insert(page.find("</body>"), "<p>(dpa)</p>");
  const sdk::Article all = parse(document(page));
  EXPECT_EQ(all.body.size(), 5u);
  const sdk::Article trimmed = parse(document(page), {{"min_paragraph_chars", std::int64_t{25}}});
  ASSERT_EQ(trimmed.body.size(), 3u);
  EXPECT_EQ(trimmed.body[1], "Short, but inside.");
}

TEST(JsonLdBody, UsedWhenTheMarkupTextIsSomethingElse) {
  // The markup holds only an "about us" text; the article itself is
  // rendered by a script from JSON-LD. Both are long: the JSON-LD text,
  // which the markup hardly shares, is the article.
  std::string about, body;
  for (int i = 0; i < 8; ++i)
    about +=
        "Our cooperative has served the valley's growers since 1952, with storage, transport and advice. ";
  for (int i = 0; i < 8; ++i)
    body += "Frost in April damaged the blossom on the upper slopes, growers said on Monday. ";
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Frost\",\"articleBody\":\"" +
      body +
      "\"}</script></head><body>"
      "<div class=about><p>" +
      about + "</p></div></body></html>";
  const sdk::Article a = parse(document(page));
  EXPECT_EQ(a.fields.find("html_body_source")->as_string(), "json-ld");
  EXPECT_TRUE(has_text(a, "Frost in April"));
  EXPECT_FALSE(has_text(a, "cooperative"));
}

// --- resource limits ----------------------------------------------------------

TEST(Limits, AbsurdNestingIsCutOffNotQuadratic) {
  std::string page = kArticle.substr(0, kArticle.find("</body>"));
  for (int i = 0; i < 200'000; ++i) page += "<i><div>";
  page += "never read";
  const auto started = std::chrono::steady_clock::now();
  const sdk::Article a = parse(document(page));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(a.body.size(), 2u);
  ASSERT_EQ(warnings(a).size(), 1u);
  EXPECT_TRUE(warnings(a)[0].starts_with("elements nest deeper than 5000 levels at byte")) << warnings(a)[0];
}

TEST(Limits, HugeInlineScriptIsNotText) {
  std::string script = "<script>var html = [";
  while (script.size() < (4u << 20)) script += "'<div><p>not article text</p></div>', '</scr' + 'ipt>', ";
  script += "];</script>";
  std::string page = kArticle;
  page.insert(page.find("<p>The first"), script);
  const sdk::Article a = parse(document(page));
  EXPECT_EQ(a.body.size(), 2u);
  EXPECT_FALSE(has_text(a, "not article text"));
}

// --- threads ------------------------------------------------------------------

TEST(Threads, OneInstanceServesManyWorkers) {
  const HtmlParser parser = make_parser();
  const std::vector<std::string> names = {"news_article.html", "comments.html",      "cookie_banner.html",
                                          "json_ld_only.html", "nested_tables.html", "windows1252.html"};
  std::vector<sdk::RawDocument> docs;
  std::vector<std::string> expected;
  for (const auto& n : names) {
    docs.push_back(fixture(n));
    expected.push_back(parser.to_article(docs.back()).id);
  }
  std::vector<std::future<bool>> workers;
  for (int t = 0; t < 4; ++t) {
    workers.push_back(std::async(std::launch::async, [&, t] {
      bool same = true;
      for (int round = 0; round < 10; ++round) {
        const std::size_t k = static_cast<std::size_t>(t + round) % docs.size();
        same = same && parser.to_article(docs[k]).id == expected[k];
      }
      return same;
    }));
  }
  for (auto& w : workers) EXPECT_TRUE(w.get());
}

}  // namespace
}  // namespace sluice::plugins::html
