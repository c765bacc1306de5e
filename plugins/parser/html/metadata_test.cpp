// Metadata helpers: dates, authors, titles, captions, language, JSON-LD,
// the declared charset.
#include "metadata.hpp"

#include <gtest/gtest.h>

#include "authors.hpp"
#include "caption.hpp"
#include "charset.hpp"
#include "dates.hpp"
#include "dom.hpp"
#include "json_ld.hpp"
#include "meta_tags.hpp"
#include "title.hpp"

namespace sluice::plugins::html {
namespace {

using Strings = std::vector<std::string>;

// --- dates --------------------------------------------------------------------

TEST(PageDates, MachineFormsGoThroughTheSdk) {
  EXPECT_EQ(normalize_page_date("2023-07-29"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("2023-07-29T10:15:00+02:00"), "2023-07-29T08:15:00Z");
  EXPECT_EQ(normalize_page_date("Sat, 29 Jul 2023 10:15:00 GMT"), "2023-07-29T10:15:00Z");
}

TEST(PageDates, PrintedFormsGiveTheDay) {
  EXPECT_EQ(normalize_page_date("29.07.2023"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("29.7.2023, 14:05 Uhr"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("Veröffentlicht am 16.08.2019"), "2019-08-16");
  EXPECT_EQ(normalize_page_date("July 29, 2023"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("Jul. 29th 2023 at 9:00 am"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("29. Juli 2023"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("14. März 2021"), "2021-03-14");
  EXPECT_EQ(normalize_page_date("30 septembre 2018"), "2018-09-30");
  EXPECT_EQ(normalize_page_date("5 de febrero de 2020"), "2020-02-05");
  EXPECT_EQ(normalize_page_date("12 grudnia 2019"), "2019-12-12");
  EXPECT_EQ(normalize_page_date("2023/07/29"), "2023-07-29");
  EXPECT_EQ(normalize_page_date("29/07/2023"), "2023-07-29");  // 29 cannot be a month
}

TEST(PageDates, AmbiguousOrImpossibleGiveNothing) {
  EXPECT_EQ(normalize_page_date("03/04/2023"), std::nullopt);  // March 4th or 3 April?
  EXPECT_EQ(normalize_page_date("31.02.2023"), std::nullopt);
  EXPECT_EQ(normalize_page_date("yesterday"), std::nullopt);
  EXPECT_EQ(normalize_page_date("call 12.34.5678"), std::nullopt);
  EXPECT_EQ(normalize_page_date(""), std::nullopt);
}

// --- authors ------------------------------------------------------------------

TEST(Authors, BylinesSplitIntoNames) {
  EXPECT_EQ(split_authors("By Jane Doe and John Roe"), (Strings{"Jane Doe", "John Roe"}));
  EXPECT_EQ(split_authors("Von Max Muster, Erika Muster und Otto Normal"),
            (Strings{"Max Muster", "Erika Muster", "Otto Normal"}));
  EXPECT_EQ(split_authors("Jane Doe | Staff Writer"), (Strings{"Jane Doe"}));
  EXPECT_EQ(split_authors("  par  Loïc Le Clerc "), (Strings{"Loïc Le Clerc"}));
  EXPECT_EQ(split_authors("Jane Doe; jane doe"), (Strings{"Jane Doe"}));
}

TEST(Authors, WhatIsNoNameIsDropped) {
  EXPECT_TRUE(split_authors("https://www.facebook.com/janedoe").empty());
  EXPECT_TRUE(split_authors("jane@example.com").empty());
  EXPECT_TRUE(split_authors("Updated 12 March 2023").empty());
  EXPECT_TRUE(split_authors("").empty());
}

// --- titles -------------------------------------------------------------------

TEST(Titles, SiteNameIsStripped) {
  EXPECT_EQ(
      strip_site_name("Harbour town votes to keep its ferry | The Coastal Courier", "The Coastal Courier"),
      "Harbour town votes to keep its ferry");
  EXPECT_EQ(strip_site_name("Courier - Harbour town votes to keep its ferry", "Courier"),
            "Harbour town votes to keep its ferry");
  // Without a known site name, the short last part goes.
  EXPECT_EQ(strip_site_name("Harbour town votes to keep its ferry – Courier", ""),
            "Harbour town votes to keep its ferry");
  EXPECT_EQ(strip_site_name("Laufen im Winter: Von bäh zu yeah › Nordish by Nature", ""),
            "Laufen im Winter: Von bäh zu yeah");
  // What would remain is too short to be a headline.
  EXPECT_EQ(strip_site_name("Emden - Sehenswürdigkeiten Attraktionen", ""),
            "Emden - Sehenswürdigkeiten Attraktionen");
}

TEST(Titles, TheHeadlineAsPrinted) {
  // The <h1> the declared titles contain wins (no site name, no SEO prefix).
  EXPECT_EQ(
      choose_title(
          {"Ferry stays: town votes", "", "Ferry stays | Courier", "Courier", {"Courier", "Ferry stays"}}),
      "Ferry stays");
  // A logo <h1> equal to the site name is no headline.
  EXPECT_EQ(choose_title({"", "", "Ferry stays, town votes | Courier", "Courier", {"Courier"}}),
            "Ferry stays, town votes");
  // A single headline-like <h1> beats a generic <title>.
  EXPECT_EQ(choose_title({"", "", "Willkommen", "", {"Datenschutz für Vorlagen"}}),
            "Datenschutz für Vorlagen");
  EXPECT_EQ(choose_title({"", "", "", "", {}}), "");
}

// --- captions -----------------------------------------------------------------

TEST(Captions, CreditSplitFromTheText) {
  const Caption c = split_credit("A street in Kyiv. Photo: Jane Doe/AFP");
  EXPECT_EQ(c.caption, "A street in Kyiv.");
  EXPECT_EQ(c.credit, "Jane Doe/AFP");
  EXPECT_EQ(split_credit("Der Marktplatz im Regen (Foto: dpa)").credit, "dpa");
  EXPECT_EQ(split_credit("Sunset over the bay \xC2\xA9 Reuters").credit, "\xC2\xA9 Reuters");
  EXPECT_EQ(split_credit("A telephoto: no credit here").credit, "");
}

TEST(Captions, MarkedUpCreditAndFurnitureFigures) {
  const std::string page =
      "<aside class=sidebar><figure><img src=a><figcaption>A teaser picture</figcaption></figure></aside>"
      "<article><figure><img src=b><figcaption>The mayor cuts the ribbon. <small>Foto: Stadt Ulm</small>"
      "</figcaption></figure><p>Text.</p></article>";
  const Dom dom(page);
  const Caption c = lead_caption(dom, mark_furniture(dom, classify_elements(dom)));
  EXPECT_EQ(c.caption, "The mayor cuts the ribbon.");
  EXPECT_EQ(c.credit, "Stadt Ulm");
}

// --- language -----------------------------------------------------------------

TEST(Language, PrimarySubtag) {
  EXPECT_EQ(language_code("en-US"), "en");
  EXPECT_EQ(language_code("de_DE"), "de");
  EXPECT_EQ(language_code("FR"), "fr");
  EXPECT_EQ(language_code("x1"), "");
  EXPECT_EQ(language_code("english"), "");
}

TEST(Language, FromMetaWhenHtmlHasNone) {
  const Dom dom("<head><meta property=\"og:locale\" content=\"pl_PL\"></head><p>Tekst.</p>");
  EXPECT_EQ(read_metadata(dom, classify_elements(dom), {}).language, "pl");
}

// --- meta tags and JSON-LD ----------------------------------------------------

TEST(MetaTags, FirstOccurrenceAndDoubleEscaping) {
  const Dom dom(
      "<meta property=\"og:title\" content=\"Tom &amp;amp; Jerry d&amp;#039;accord\">"
      "<meta property=\"og:title\" content=\"second\"><meta name=\"Author\" content=\" Jane  Doe \">");
  const MetaTags meta(dom);
  EXPECT_EQ(meta.get("og:title"), "Tom & Jerry d'accord");
  EXPECT_EQ(meta.get("author"), "Jane Doe");
  EXPECT_EQ(meta.first({"missing", "author"}), "Jane Doe");
}

TEST(JsonLd, ArticleInAGraphWithReferencesAndRawNewlines) {
  const Dom dom(
      "<script "
      "type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2020-01-01\"},"
      "{\"@type\":[\"NewsArticle\"],\"headline\":\"Title &amp; more\",\"author\":{\"@id\":\"#p1\"},"
      "\"articleBody\":\"Line one\nLine two\"}]}</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ada "
      "Lovelace\"}</script>");
  const JsonLdArticle a = read_json_ld(dom);
  EXPECT_TRUE(a.found);
  EXPECT_EQ(a.headline, "Title & more");
  EXPECT_EQ(a.authors, (Strings{"Ada Lovelace"}));
  EXPECT_EQ(a.article_body, "Line one\nLine two");
  EXPECT_EQ(a.date_published, "2020-01-01");  // from the page object
}

TEST(JsonLd, BrokenScriptsAreSkipped) {
  const Dom dom(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
      "<script type=\"application/ld+json\"><!-- {\"@type\":\"BlogPosting\",\"headline\":\"Second\","
      "\"author\":[{\"@type\":\"Organization\",\"name\":\"Org\"}]} --></script>");
  const JsonLdArticle a = read_json_ld(dom);
  EXPECT_EQ(a.headline, "Second");
  EXPECT_EQ(a.authors, (Strings{"Org"}));
}

// --- the declared charset -----------------------------------------------------

TEST(Charset, MetaFoundBeyondTheStandardPrescan) {
  const std::string filler = "<!-- " + std::string(3000, 'x') + " -->";
  EXPECT_EQ(declared_meta_charset("<html><head>" + filler + "<meta charset=\"windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(
      declared_meta_charset(
          "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"><title>x</title>"),
      "ISO-8859-2");
  // Commented out, or in the body: not a declaration.
  EXPECT_EQ(declared_meta_charset("<!-- <meta charset=\"koi8-r\"> --><p>x"), "");
  EXPECT_EQ(declared_meta_charset("<body><meta charset=\"koi8-r\">"), "");
}

}  // namespace
}  // namespace sluice::plugins::html
