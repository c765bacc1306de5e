// sluice/sdk/encoding.hpp: what is detected, what is converted, what is
// repaired, and that valid UTF-8 is not copied.
#include "sluice/sdk/encoding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace sluice::sdk::encoding {
namespace {

using namespace std::string_literals;

TEST(Bom, DetectsEachMark) {
  EXPECT_EQ(detect_bom("\xEF\xBB\xBFx")->charset, "utf-8");
  EXPECT_EQ(detect_bom("\xFF\xFEx\0"s)->charset, "utf-16le");
  EXPECT_EQ(detect_bom("\xFE\xFF\0x"s)->charset, "utf-16be");
  EXPECT_EQ(detect_bom("\xFF\xFE\0\0"s)->charset, "utf-32le");  // not UTF-16LE + NUL
  EXPECT_EQ(detect_bom("\0\0\xFE\xFF"s)->charset, "utf-32be");
  EXPECT_EQ(detect_bom("\xFF\xFE\0\0"s)->length, 4u);
  EXPECT_FALSE(detect_bom("plain"));
  EXPECT_FALSE(detect_bom(""));
}

TEST(Declared, ContentTypeCharset) {
  EXPECT_EQ(content_type_charset("text/html; charset=ISO-8859-1"), "ISO-8859-1");
  EXPECT_EQ(content_type_charset("application/rss+xml;CHARSET=\"utf-8\";x=1"), "utf-8");
  EXPECT_EQ(content_type_charset("text/plain"), "");
  EXPECT_EQ(content_type_charset("text/charset=x"), "");  // not a parameter
}

TEST(Declared, XmlProlog) {
  EXPECT_EQ(xml_declared_encoding("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>"), "windows-1251");
  EXPECT_EQ(xml_declared_encoding("<?xml version='1.0' encoding = 'ISO-8859-1' ?>"), "ISO-8859-1");
  EXPECT_EQ(xml_declared_encoding("<?xml version=\"1.0\"?><a encoding=\"x\"/>"), "");  // outside the prolog
  EXPECT_EQ(xml_declared_encoding("<rss/>"), "");
  EXPECT_EQ(xml_declared_encoding("<\0?\0x\0"s), "utf-16le");
  EXPECT_EQ(xml_declared_encoding("\0<\0?\0x"s), "utf-16be");
}

TEST(Declared, HtmlMeta) {
  EXPECT_EQ(html_meta_charset("<html><head><META CharSet=\"Shift_JIS\">"), "Shift_JIS");
  EXPECT_EQ(html_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"),
            "koi8-r");
  EXPECT_EQ(html_meta_charset("<meta name=\"x\" content=\"y\">"), "");
  EXPECT_EQ(html_meta_charset(std::string(2000, ' ') + "<meta charset=\"koi8-r\">"), "");  // past 1024 bytes
}

TEST(Normalize, AliasesFold) {
  EXPECT_EQ(normalize_charset(" UTF8 "), "utf-8");
  EXPECT_EQ(normalize_charset("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(normalize_charset("us-ascii"), "windows-1252");
  EXPECT_EQ(normalize_charset("CP1251"), "windows-1251");
  EXPECT_EQ(normalize_charset("KOI8-R"), "koi8-r");
  EXPECT_TRUE(is_known_charset("koi8-r"));
  EXPECT_FALSE(is_known_charset("x-no-such-charset"));
}

TEST(ToUtf8, ValidUtf8IsNotCopied) {
  const std::string in = "caf\xC3\xA9 \xE2\x80\x94 plain";
  const Decoded d = to_utf8(in);
  EXPECT_FALSE(d.copied());
  EXPECT_EQ(d.text().data(), in.data());
  EXPECT_EQ(d.charset(), "utf-8");
  EXPECT_EQ(d.origin(), Origin::Sniffed);
  EXPECT_FALSE(warning(d));
}

TEST(ToUtf8, Utf8MarkIsSkippedWithoutCopy) {
  const std::string in = "\xEF\xBB\xBFhello";
  const Decoded d = to_utf8(in);
  EXPECT_FALSE(d.copied());
  EXPECT_EQ(d.text(), "hello");
  EXPECT_EQ(d.origin(), Origin::ByteOrderMark);
}

TEST(ToUtf8, UndeclaredLegacyTextFallsBackToWindows1252) {
  const Decoded d = to_utf8("\x93quoted\x94 \x80 caf\xE9");
  EXPECT_EQ(d.text(), "\u201cquoted\u201d \u20ac caf\u00e9");
  EXPECT_EQ(d.charset(), "windows-1252");
  EXPECT_EQ(d.origin(), Origin::Fallback);
  EXPECT_EQ(d.replaced(), 0u);
}

TEST(ToUtf8, FallbackIsConfigurable) {
  Hints h;
  h.fallback = "windows-1251";
  EXPECT_EQ(to_utf8("\xCC\xE8\xF0", h).text(), "\u041c\u0438\u0440");
}

TEST(ToUtf8, XmlDeclarationConverts) {
  const Decoded d = to_utf8("<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>\xCC\xE8\xF0</t>");
  EXPECT_EQ(d.text(), "<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>\u041c\u0438\u0440</t>");
  EXPECT_EQ(d.origin(), Origin::XmlDeclaration);
}

TEST(ToUtf8, ContentTypeBeatsTheDocumentButNotTheMark) {
  Hints h;
  h.content_type = "text/xml; charset=koi8-r";
  EXPECT_EQ(to_utf8("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\xED", h).text(),
            "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\u041c");  // KOI8-R 0xED
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF\xD0\x9C", h).text(), "\u041c");
}

TEST(ToUtf8, HtmlMetaConverts) {
  const Decoded d = to_utf8("<meta charset=\"iso-8859-1\"><p>caf\xE9</p>");
  EXPECT_EQ(d.text(), "<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>");
  EXPECT_EQ(d.origin(), Origin::HtmlMeta);
  Hints no_meta;
  no_meta.html_meta = false;
  EXPECT_EQ(to_utf8("<meta charset=\"koi8-r\">\xE9", no_meta).origin(), Origin::Fallback);
}

TEST(ToUtf8, Utf16AndUtf32WithMarks) {
  EXPECT_EQ(to_utf8("\xFF\xFEH\0i\0"s).text(), "Hi");
  EXPECT_EQ(to_utf8("\xFE\xFF\0H\0i\x26\x03"s).text(), "Hi\u2603");
  EXPECT_EQ(to_utf8("\xFF\xFE\0\0H\0\0\0"s).text(), "H");
  EXPECT_EQ(to_utf8("\0\0\xFE\xFF\0\0\0H"s).text(), "H");
}

TEST(ToUtf8, Utf16XmlWithoutMark) {
  const std::string in("<\0?\0x\0m\0l\0?\0>\0", 14);
  EXPECT_EQ(to_utf8(in).text(), "<?xml?>");
}

TEST(ToUtf8, Utf16LabelOnAsciiReadableXmlIsIgnored) {
  const Decoded d = to_utf8("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>\xC3\xA9</a>");
  EXPECT_EQ(d.charset(), "utf-8");
  EXPECT_FALSE(d.copied());
}

TEST(ToUtf8, DeclaredUtf8WithBadBytesIsRepaired) {
  Hints h;
  h.content_type = "text/plain; charset=utf-8";
  const Decoded d = to_utf8("ok \xC3 bad \xFF end", h);
  EXPECT_EQ(d.text(), "ok \uFFFD bad \uFFFD end");
  EXPECT_EQ(d.replaced(), 2u);
  EXPECT_EQ(*warning(d), "2 invalid byte sequence(s) in utf-8 replaced with U+FFFD");
}

TEST(ToUtf8, UnconvertibleBytesBecomeReplacementCharacters) {
  // 0x81 is undefined in windows-1252; a lone trailing UTF-16 byte is cut short.
  Hints h;
  h.content_type = "text/plain; charset=windows-1252";
  EXPECT_EQ(to_utf8("a\x81z", h).text(), "a\uFFFDz");
  const Decoded odd = to_utf8("\xFF\xFEH\0i"s);
  EXPECT_EQ(odd.text(), "H\uFFFD");
  EXPECT_EQ(odd.replaced(), 1u);
  // An unpaired surrogate in UTF-16.
  EXPECT_EQ(to_utf8("\xFF\xFE\x00\xD8x\0"s).text(), "\uFFFDx");
}

TEST(ToUtf8, UnknownDeclaredCharsetIsReportedAndIgnored) {
  const Decoded d = to_utf8("<?xml version=\"1.0\" encoding=\"x-klingon\"?><a/>");
  EXPECT_EQ(d.charset(), "utf-8");
  EXPECT_EQ(d.ignored_charset(), "x-klingon");
  EXPECT_EQ(*warning(d), "unknown charset 'x-klingon' ignored");
}

TEST(ToUtf8, LargeOutputGrowsTheBuffer) {
  // Every input byte becomes three output bytes.
  Hints h;
  h.content_type = "text/plain; charset=windows-1252";
  const std::string in(100000, '\x80');
  const Decoded d = to_utf8(in, h);
  EXPECT_EQ(d.text().size(), 300000u);
  EXPECT_TRUE(utf8::is_valid(d.text()));
}

TEST(ToUtf8, ThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&ok, t] {
      for (int i = 0; i < 200; ++i) {
        if (to_utf8("<?xml version=\"1.0\" encoding=\"koi8-r\"?>\xED").text().ends_with("\u041c")) ++ok[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const int n : ok) EXPECT_EQ(n, 200);
}

TEST(DocumentText, RefusesUnreadAndOversizeDocuments) {
  RawDocument doc;
  doc.bytes = "12345";
  EXPECT_EQ(document_text(doc, 5, {}).text(), "12345");
  try {
    document_text(doc, 4, {});
    ADD_FAILURE();
  } catch (const StageError& e) {
    EXPECT_STREQ(e.what(),
                 "document is 5 bytes, larger than max_bytes (4 bytes); raise max_bytes to parse it");
  }
  doc.meta["error"] = "permission denied";
  EXPECT_THROW(document_text(doc, 100, {}), StageError);
}

TEST(DocumentText, UsesTheDocumentContentType) {
  RawDocument doc;
  doc.content_type = "text/plain; charset=koi8-r";
  doc.bytes = "\xED";
  EXPECT_EQ(document_text(doc, 100, {}).text(), "\u041c");
}

}  // namespace
}  // namespace sluice::sdk::encoding

namespace sluice::sdk::encoding {
namespace {

using namespace std::string_literals;

TEST(Binary, TextIsNotBinary) {
  EXPECT_FALSE(binary_content("Plain text.\n\tIndented\r\n\fNext page\v", 0));
  EXPECT_FALSE(binary_content("Caf\xC3\xA9 \xE2\x80\x99quoted\xE2\x80\x99", 0));
  EXPECT_FALSE(binary_content("", 0));
  // A few undecodable bytes or a stray NUL in real text: still text.
  EXPECT_FALSE(binary_content(std::string(100, 'a'), 9));
  EXPECT_FALSE(binary_content("one stray\0 NUL"s, 0));
}

TEST(Binary, NulsControlsOrUndecodableBytesBeyondTheirShareAreBinary) {
  std::string png = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"s;
  EXPECT_EQ(
      binary_content(png, 1),
      "binary data, not text: of 19 characters, 6 are NUL, 8 control characters and 1 undecodable bytes");
  std::string controls;
  for (int i = 0; i < 40; ++i) controls += "abcdefghijklmnopqrs\x01";  // 1 in 20: not more
  EXPECT_FALSE(binary_content(controls, 0));
  controls += "\x02";
  EXPECT_TRUE(binary_content(controls, 0));
  EXPECT_TRUE(binary_content(std::string(100, 'a'), 26));  // 26 undecodable of 100
}

// A NUL is never dropped silently: a few are reported in the warning.
TEST(Binary, AStrayNulIsReportedInTheWarning) {
  const auto d = to_utf8("text with a\0NUL"s);
  EXPECT_EQ(d.sniff().nuls, 1u);
  ASSERT_TRUE(warning(d));
  EXPECT_EQ(*warning(d), "1 NUL character(s) in the text (the first at byte 11), not kept as text");
}

TEST(DocumentText, RefusesRandomBytesAsBinary) {
  RawDocument doc;
  std::uint32_t state = 1;
  for (int i = 0; i < 65536; ++i) {
    state = state * 1664525u + 1013904223u;
    doc.bytes += static_cast<char>(state >> 24);
  }
  for (const char* fallback : {"utf-8", "windows-1252"}) {
    Hints hints;
    hints.fallback = fallback;
    try {
      document_text(doc, 1 << 20, hints);
      ADD_FAILURE() << "random bytes read as text with fallback " << fallback;
    } catch (const StageError& e) {
      EXPECT_NE(std::string(e.what()).find("binary data, not text"), std::string::npos) << e.what();
    }
  }
  Hints allow;
  allow.refuse_binary = false;
  EXPECT_NO_THROW(document_text(doc, 1 << 20, allow));
}

// UTF-16 and UTF-32 text holds NUL bytes; decoded by its mark it is text.
TEST(DocumentText, TextWithAByteOrderMarkIsDecodedByIt) {
  RawDocument doc;
  doc.bytes =
      "\xFF\xFE"
      "d\0a\0t\0e\0 \0"
      "2\0"
      "0\0"s;
  EXPECT_EQ(document_text(doc, 100, {}).text(), "date 20");
  doc.bytes = "\xFE\xFF\0d\0a\0t\0e"s;
  EXPECT_EQ(document_text(doc, 100, {}).text(), "date");
  doc.bytes = "\xFF\xFE\0\0d\0\0\0a\0\0\0"s;
  EXPECT_EQ(document_text(doc, 100, {}).text(), "da");
  doc.bytes =
      "\xEF\xBB\xBF"
      "date"s;
  EXPECT_EQ(document_text(doc, 100, {}).text(), "date");
  // Without a mark, UTF-16's NULs make it binary rather than "d a t e".
  doc.bytes = "d\0a\0t\0e\0"s;
  EXPECT_THROW(document_text(doc, 100, {}), StageError);
}

}  // namespace
}  // namespace sluice::sdk::encoding
