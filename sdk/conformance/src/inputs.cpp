#include "inputs.hpp"

#include <cmath>
#include <limits>
#include <random>

#include "sluice/sdk/testing/builders.hpp"

namespace sluice::conformance::detail {
namespace {

using sdk::testing::make_article;
using sdk::testing::make_document;

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// `unit` repeated until the text is at least `bytes` long.
std::string repeat_to(std::string_view unit, std::size_t bytes) {
  return repeat(unit, bytes / unit.size() + 1);
}

// Seeded, so a failure on "random bytes" is the same failure on every run.
std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(byte(gen));
  return out;
}

const char* const kStory =
    "Minister resigns over flooding response\n\n"
    "The environment minister resigned on Tuesday after a week of criticism over the government's "
    "response to the floods in the north of the country.\n\n"
    "\"I take full responsibility,\" she told reporters outside parliament.\n";

}  // namespace

std::vector<sdk::RawDocument> ordinary_documents() {
  return {
      make_document(kStory, "story.txt", "text/plain"),
      make_document(" date 2023-07-29 The minister outside parliament - Jane Doe/Agency\n\n"
                    "The environment minister resigned on Tuesday.\n\nHer successor is expected this week.\n",
                    "seed.txt", "text/plain"),
      make_document("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Minister resigns over flooding response</title>"
                    "<meta name=\"author\" content=\"Jane Doe\"></head><body><article>"
                    "<h1>Minister resigns over flooding response</h1>"
                    "<p>The environment minister resigned on Tuesday.</p>"
                    "<p>Her successor is expected this week.</p></article></body></html>",
                    "story.html", "text/html"),
      make_document("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                    "<title>News</title><link>https://example.com/</link><description>News</description>"
                    "<item><title>Minister resigns</title><link>https://example.com/a</link>"
                    "<guid>https://example.com/a</guid><pubDate>Tue, 14 Mar 2023 10:00:00 GMT</pubDate>"
                    "<description>The environment minister resigned on Tuesday.</description></item>"
                    "<item><title>Floods recede</title><link>https://example.com/b</link>"
                    "<guid>https://example.com/b</guid><description>Water levels fell.</description></item>"
                    "</channel></rss>",
                    "feed.xml", "application/rss+xml"),
      make_document(R"({"title":"Minister resigns over flooding response","published":"2023-03-14",)"
                    R"("authors":["Jane Doe"],"body":["The environment minister resigned on Tuesday.",)"
                    R"("Her successor is expected this week."]})",
                    "story.json", "application/json"),
  };
}

sdk::Article ordinary_article() {
  sdk::Article a = make_article("Minister resigns over flooding response",
                                {"The environment minister resigned on Tuesday after a week of criticism.",
                                 "\"I take full responsibility,\" she told reporters outside parliament.",
                                 "Her successor is expected to be named this week."},
                                "story.txt");
  a.published = "2023-03-14";
  a.published_raw = "14 March 2023";
  a.authors = {"Jane Doe"};
  a.caption = "The minister outside parliament";
  a.credit = "Agency";
  a.language = "en";
  return a;
}

std::vector<Labelled<sdk::RawDocument>> garbage_documents() {
  const std::vector<Labelled<std::string>> bodies = {
      {"empty", ""},
      {"NUL bytes", std::string(64, '\0')},
      {"random bytes (1 KiB)", random_bytes(1024, 1)},
      {"random bytes (256 KiB)", random_bytes(256 * 1024, 2)},
      {"invalid UTF-8 (lone continuation, overlong, surrogate, truncated)",
       "ok \x80 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \xE2\x82"},
      {"byte-order mark only", "\xEF\xBB\xBF"},
      {"UTF-16 text", std::string("\xFF\xFE"
                                  "h\0i\0",
                                  6)},
      {"only newlines (100k)", std::string(100'000, '\n')},
      {"only white space", repeat(" \t\r\n\xC2\xA0", 10'000)},
      {"one 4 MiB line", std::string(4 << 20, 'a')},
      {"huge document (17 MiB of text)",
       repeat_to("All work and no play makes a dull article.\n\n", 17 << 20)},
      {"deeply nested <div> (100k)", repeat("<div>", 100'000)},
      {"deeply nested [ (100k)", repeat("[", 100'000)},
      {"deeply nested {\"a\": (100k)", repeat("{\"a\":", 100'000)},
      {"unclosed markup", "<html><body><p>text <b><i><!-- <![CDATA[ &#xFFFFFFFF; &bogus; <script>"},
      {"truncated JSON", R"({"title":"Minister)"},
      {"truncated RSS", "<?xml version=\"1.0\"?><rss><channel><item><title>x"},
      {"billion laughs",
       "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
       "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
       "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
       "]><rss><channel><item><title>&g;</title></item></channel></rss>"},
      {"a date line and nothing else", " date 9999-99-99"},
  };
  // Parsers may pick their code path by content type; the big inputs take
  // two of them so the check stays quick.
  const std::vector<std::string> types = {
      "", "text/plain", "text/html", "application/json", "application/rss+xml", "application/octet-stream"};
  std::vector<Labelled<sdk::RawDocument>> out;
  for (const auto& body : bodies) {
    const bool big = body.value.size() > (1u << 20);
    for (std::size_t t = 0; t < (big ? 2 : types.size()); ++t) {
      const auto& type = types[t];
      out.push_back({body.label + " as " + (type.empty() ? "no content type" : type),
                     make_document(body.value, "garbage", type)});
    }
  }
  // A document its source could not read: no bytes, the reason in meta.
  auto unread = make_document("", "unreadable.txt");
  unread.meta["error"] = "permission denied";
  out.push_back({"unread document (meta.error set)", std::move(unread)});
  // No key, no URI, no type: a source that knows nothing about its document.
  sdk::RawDocument anonymous;
  anonymous.bytes = kStory;
  out.push_back({"document without key, URI or content type", std::move(anonymous)});
  return out;
}

std::vector<Labelled<sdk::Article>> garbage_articles() {
  std::vector<Labelled<sdk::Article>> out;
  out.push_back({"empty article", sdk::Article{}});

  auto bad_utf8 = ordinary_article();
  bad_utf8.title = "bad \xC0\xAF title \xED\xA0\x80";
  bad_utf8.body = {"\x80\x81\x82", "trunc\xE2\x82", std::string("nul\0inside", 10)};
  bad_utf8.authors = {"\xFF\xFE"};
  out.push_back({"invalid UTF-8 and NUL bytes", std::move(bad_utf8)});

  auto huge = ordinary_article();
  huge.body = {std::string(8 << 20, 'x')};
  out.push_back({"one 8 MiB paragraph", std::move(huge)});

  auto many = ordinary_article();
  many.body.assign(100'000, "");
  out.push_back({"100k empty paragraphs", std::move(many)});

  auto spaces = ordinary_article();
  spaces.title = repeat(" ", 1000);
  spaces.body = {repeat(" \t\n\xC2\xA0", 1000), "\n\n\n"};
  out.push_back({"white space only", std::move(spaces)});

  auto offsets = ordinary_article();
  offsets.entities.push_back(
      {"Nobody",
       sdk::EntityType::Person,
       {{999, 5, 2, "x"}, {-7, 4'000'000'000u, 4'000'000'001u, ""}, {0, 0, 1'000'000, "y"}}});
  offsets.quotes.push_back({"quote", "Nobody", -5, false});
  offsets.quotes.push_back({"", "", 1'000'000, true});
  out.push_back({"entities and quotes pointing outside the text", std::move(offsets)});

  auto numbers = ordinary_article();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  numbers.keywords = {{"nan", nan}, {"inf", inf}, {"", -inf}};
  numbers.readability = sdk::Readability{0, 0, nan, -inf};
  numbers.simhash = ~std::uint64_t{0};
  numbers.fetched_at_ms = std::numeric_limits<std::int64_t>::min();
  numbers.fields["nan"] = sdk::Value(nan);
  out.push_back({"NaN and infinite numbers", std::move(numbers)});

  for (const auto& [label, fields] : std::vector<std::pair<std::string, sdk::Value>>{
           {"`fields` is null", sdk::Value()},
           {"`fields` is a list", sdk::Value(sdk::List{1, "two", sdk::Value()})},
           {"`fields` is a string", sdk::Value("not a map")}}) {
    auto odd = ordinary_article();
    odd.fields = fields;
    out.push_back({label, std::move(odd)});
  }

  auto deep = ordinary_article();
  sdk::Value nested = sdk::Value(sdk::Map{});
  for (int i = 0; i < 1000; ++i) nested = sdk::Value(sdk::Map{{"a", std::move(nested)}});
  deep.fields["deep"] = std::move(nested);
  out.push_back({"`fields` nested 1000 deep", std::move(deep)});

  auto crowded = ordinary_article();
  crowded.entities.assign(100'000, {"Jane Doe", sdk::EntityType::Person, {{0, 0, 4, "Jane"}}});
  crowded.keywords.assign(100'000, {"word", 1.0});
  out.push_back({"100k entities and keywords", std::move(crowded)});

  auto odd_text = ordinary_article();
  odd_text.id = std::string(10'000, 'f');
  odd_text.published = "9999-99-99T99:99:99Z";
  odd_text.language = "not a language";
  odd_text.source_uri = "not a uri \n with a newline";
  odd_text.title = repeat("e\xCC\x81", 10'000);  // combining accents
  out.push_back({"odd identifiers, dates and combining characters", std::move(odd_text)});

  auto no_id = ordinary_article();
  no_id.id.clear();
  out.push_back({"article without an id", std::move(no_id)});
  return out;
}

}  // namespace sluice::conformance::detail
