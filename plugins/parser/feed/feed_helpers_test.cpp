// The feed plugin's building blocks: HTML text, entities, XML repairs,
// gzip and links.
#include "entities.hpp"
#include "feed_test_support.hpp"
#include "gunzip.hpp"
#include "html_text.hpp"
#include "links.hpp"
#include "xml_repair.hpp"

namespace sluice::plugins::feed {
namespace {

using namespace testing;

TEST(HtmlText, BlocksBecomeParagraphsInlineTagsVanish) {
  EXPECT_EQ(html_paragraphs("<p>One <b>bold</b>\nline.</p><div>Two</div>Three<br><br>Four"),
            (Strings{"One bold line.", "Two", "Three", "Four"}));
  EXPECT_EQ(html_paragraphs("<ul><li>a</li><li>b</li></ul>"), (Strings{"a", "b"}));
  EXPECT_EQ(html_paragraphs("<h:p xmlns:h='x'>Namespaced</h:p>"), Strings{"Namespaced"});
}

TEST(HtmlText, HiddenElementsCommentsAndCdata) {
  EXPECT_EQ(html_paragraphs("<p>a<script>var x = '<p>no</p>';</script>b</p><style>p{}</style><!-- c -->"),
            Strings{"ab"});
  EXPECT_EQ(html_paragraphs("<SCRIPT>x</SCRIPT>kept"), Strings{"kept"});
  EXPECT_EQ(html_paragraphs("<![CDATA[raw <text>]]>"), Strings{"raw <text>"});
  EXPECT_EQ(html_paragraphs("<script>never closed"), Strings{});
}

TEST(HtmlText, EntitiesAndStrayMarkup) {
  EXPECT_EQ(html_line("caf&eacute; &amp; &#8220;q&#x201D; &#150; &bogus; a < b & c"),
            "caf\u00e9 & \u201cq\u201d \u2013 &bogus; a < b & c");
  EXPECT_EQ(html_line("<a href=\"x>y\">link</a> text"), "link text");
  EXPECT_EQ(html_line("&#0; &#xD800; &#99999999;"), "\uFFFD \uFFFD \uFFFD");
}

TEST(Entities, Lookup) {
  EXPECT_EQ(named_entity("nbsp"), char32_t{0xA0});
  EXPECT_EQ(named_entity("AElig"), char32_t{0xC6});
  EXPECT_EQ(named_entity("zwnj"), char32_t{0x200C});
  EXPECT_FALSE(named_entity("nosuch"));
  std::string out;
  EXPECT_EQ(decode_reference("&amp", 0, out), 0u);   // named references need ';'
  EXPECT_EQ(decode_reference("&#65x", 0, out), 4u);  // numeric ones do not
  EXPECT_EQ(out, "A");
}

TEST(XmlRepair, CleanXmlIsNotCopied) {
  const Repaired r = repair_xml("<a>x &amp; &#160; &lt;</a>");
  EXPECT_FALSE(r.text);
  EXPECT_TRUE(r.repairs.empty());
}

TEST(XmlRepair, FixesAndRecordsLines) {
  const Repaired r = repair_xml("<a>AT&T\n&nbsp;\x01\n<![CDATA[& stays]]><!-- & too --></a>");
  ASSERT_TRUE(r.text);
  EXPECT_EQ(*r.text, "<a>AT&amp;T\n\u00a0\uFFFD\n<![CDATA[& stays]]><!-- & too --></a>");
  ASSERT_EQ(r.repairs.size(), 2u);  // one per line
  EXPECT_EQ(r.repairs[0].line, 1u);
  EXPECT_EQ(r.repairs[0].what, "unescaped '&'");
  EXPECT_EQ(r.repairs[1].line, 2u);
  EXPECT_EQ(r.repairs[1].what, "HTML entity &nbsp;");
}

TEST(XmlRepair, ReferencesToForbiddenCharacters) {
  const Repaired r = repair_xml("<a>&#0;&#x1F600;&#xFFFE;&#9;</a>");
  ASSERT_TRUE(r.text);
  EXPECT_EQ(*r.text, "<a>\uFFFD&#x1F600;\uFFFD&#9;</a>");
}

TEST(XmlRepair, Noncharacters) {
  const Repaired r = repair_xml("<a>\xEF\xBF\xBE</a>");
  ASSERT_TRUE(r.text);
  EXPECT_EQ(*r.text, "<a>\uFFFD</a>");
  EXPECT_EQ(r.repairs.at(0).what, "forbidden character U+FFFE");
}

TEST(Gunzip, RoundTripAndConcatenatedMembers) {
  const std::string gz = slurp(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / "rss2.xml.gz");
  const std::string xml = slurp(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / "rss2.xml");
  EXPECT_TRUE(is_gzip(gz));
  EXPECT_FALSE(is_gzip(xml));
  EXPECT_EQ(gunzip(gz, 1 << 20), xml);
  EXPECT_EQ(gunzip(gz + gz, 1 << 20), xml + xml);
  EXPECT_THROW(gunzip(gz, xml.size() - 1), sdk::StageError);
  EXPECT_EQ(gunzip(gz, xml.size()), xml);  // exactly the limit is allowed
}

TEST(Links, ResolveAgainstBases) {
  EXPECT_EQ(resolve_link("b/c", "https://x.example/a/"), "https://x.example/a/b/c");
  EXPECT_EQ(resolve_link("/root", "https://x.example/a/b"), "https://x.example/root");
  EXPECT_EQ(resolve_link("https://y.example/", "https://x.example/"), "https://y.example/");
  EXPECT_EQ(resolve_link("rel", ""), "rel");
  EXPECT_EQ(resolve_link("", "https://x.example/"), "");
  EXPECT_TRUE(is_web_url("HTTPS://x"));
  EXPECT_FALSE(is_web_url("tag:x,2004:1"));
  EXPECT_FALSE(is_web_url("http://"));
}

}  // namespace
}  // namespace sluice::plugins::feed
