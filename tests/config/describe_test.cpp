// describe_plugin in its three formats, generated from the option table.
// The JSON schema is parsed with a real JSON parser, not compared as text,
// so tests pin its meaning rather than its whitespace.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <regex>

#include "config_fixture.hpp"
#include "sluice/host/options_schema.hpp"

namespace sluice::config_test {
namespace {

using host::DescribeFormat;
using Poco::JSON::Array;
using Poco::JSON::Object;

class DescribeTest : public ConfigTest {
 protected:
  std::string describe(const char* plugin, DescribeFormat format) {
    const auto* info = registry_.find(plugin);
    if (info == nullptr) throw std::logic_error(std::string("no test plugin ") + plugin);
    return host::describe_plugin(*info, format);
  }
  Object::Ptr schema(const char* plugin) {
    Poco::JSON::Parser parser;
    return parser.parse(describe(plugin, DescribeFormat::JsonSchema)).extract<Object::Ptr>();
  }
};

std::vector<std::string> strings(const Array::Ptr& a) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(i));
  return out;
}

TEST_F(DescribeTest, TextFormat) {
  EXPECT_EQ(describe("text", DescribeFormat::Text),
            "text (parser) 1.0.0\n"
            "  Test parser\n"
            "\n"
            "Options:\n"
            "  encoding (string), default \"utf-8\"\n"
            "      Character set of the input\n"
            "      example: encoding = \"latin1\"\n");
}

TEST_F(DescribeTest, TextFormatMarksRequiredAndEmptyTables) {
  const auto feed = describe("feed", DescribeFormat::Text);
  EXPECT_NE(
      feed.find(
          "  path (string), required\n      Directory to read\n      example: path = \"seeds\"\n"),
      std::string::npos)
      << feed;
  EXPECT_NE(feed.find("  timeout (duration), default \"5s\"\n"), std::string::npos) << feed;
  EXPECT_NE(feed.find("  buffer (size), default \"64KiB\"\n"), std::string::npos) << feed;
  EXPECT_EQ(describe("tagger", DescribeFormat::Text),
            "tagger (enricher) 1.0.0\n  Test enricher without options\n\nOptions:\n  (none)\n");
}

TEST_F(DescribeTest, MarkdownTable) {
  EXPECT_EQ(describe("feed", DescribeFormat::Markdown),
            "| name | type | default | required | description |\n"
            "|------|------|---------|----------|-------------|\n"
            "| `path` | string |  | yes | Directory to read |\n"
            "| `attempts` | int | `3` | no | Attempts per document |\n"
            "| `ratio` | float | `0.25` | no | Share of documents sampled |\n"
            "| `verbose` | bool | `false` | no | Log every document |\n"
            "| `timeout` | duration | `\"5s\"` | no | Per-request timeout |\n"
            "| `buffer` | size | `\"64KiB\"` | no | Read buffer \\| pipe in a description |\n"
            "| `include` | list | `[\"*.txt\"]` | no | Globs of files to read |\n"
            "| `headers` | table | `{ accept = \"text/html\" }` | no | Extra request headers |\n"
            "| `since` | string |  | no | Only documents newer than this date |\n");
}

TEST_F(DescribeTest, MarkdownTableOfOptionlessPluginIsJustTheHeader) {
  EXPECT_EQ(describe("tagger", DescribeFormat::Markdown),
            "| name | type | default | required | description |\n"
            "|------|------|---------|----------|-------------|\n");
}

TEST_F(DescribeTest, JsonSchemaEnvelope) {
  const auto s = schema("feed");
  EXPECT_EQ(s->getValue<std::string>("$schema"), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(s->getValue<std::string>("title"), "feed (source)");
  EXPECT_EQ(s->getValue<std::string>("description"), "Test source with one option of every type");
  EXPECT_EQ(s->getValue<std::string>("x-sluice-version"), "1.2.3");
  EXPECT_EQ(s->getValue<std::string>("type"), "object");
  // Unknown keys are errors in the config, so they are in the schema too.
  EXPECT_FALSE(s->getValue<bool>("additionalProperties"));
}

TEST_F(DescribeTest, JsonSchemaProperties) {
  const auto props = schema("feed")->getObject("properties");
  std::vector<std::string> names;
  props->getNames(names);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names,
            (std::vector<std::string>{"attempts", "buffer", "call_timeout", "headers", "include",
                                      "name", "on_failure", "path", "plugin", "ratio", "retries",
                                      "retry_backoff", "retry_deadline", "sha256", "since", "timeout",
                                      "verbose"}));
  EXPECT_EQ(props->getObject("plugin")->getValue<std::string>("const"), "feed");
  EXPECT_EQ(props->getObject("name")->getValue<std::string>("type"), "string");
  EXPECT_EQ(props->getObject("path")->getValue<std::string>("type"), "string");
  EXPECT_EQ(props->getObject("path")->getValue<std::string>("description"), "Directory to read");
  EXPECT_EQ(props->getObject("attempts")->getValue<std::string>("type"), "integer");
  EXPECT_EQ(props->getObject("ratio")->getValue<std::string>("type"), "number");
  EXPECT_EQ(props->getObject("verbose")->getValue<std::string>("type"), "boolean");
  EXPECT_EQ(props->getObject("include")->getValue<std::string>("type"), "array");
  EXPECT_EQ(props->getObject("include")->getObject("items")->getValue<std::string>("type"),
            "string");
  EXPECT_EQ(props->getObject("headers")->getValue<std::string>("type"), "object");
  // Durations and sizes: integer (ms / bytes) or a string with a unit.
  for (const char* name : {"timeout", "buffer"}) {
    const auto one_of = props->getObject(name)->getArray("oneOf");
    ASSERT_EQ(one_of->size(), 2u) << name;
    EXPECT_EQ(one_of->getObject(0)->getValue<std::string>("type"), "integer");
    EXPECT_EQ(one_of->getObject(1)->getValue<std::string>("type"), "string");
  }
}

TEST_F(DescribeTest, JsonSchemaRequired) {
  EXPECT_EQ(strings(schema("feed")->getArray("required")),
            (std::vector<std::string>{"plugin", "path"}));
  EXPECT_EQ(strings(schema("out")->getArray("required")),
            (std::vector<std::string>{"plugin", "path", "flush_every"}));
  EXPECT_EQ(strings(schema("tagger")->getArray("required")), std::vector<std::string>{"plugin"});
}

TEST_F(DescribeTest, JsonSchemaDefaultsAreConvertedToJson) {
  const auto props = schema("feed")->getObject("properties");
  const auto def = [&](const char* name) { return props->getObject(name)->get("default"); };
  EXPECT_EQ(def("attempts").convert<int>(), 3);
  EXPECT_TRUE(def("attempts").isInteger());
  EXPECT_DOUBLE_EQ(def("ratio").convert<double>(), 0.25);
  EXPECT_TRUE(def("verbose").isBoolean());
  EXPECT_FALSE(def("verbose").convert<bool>());
  EXPECT_EQ(def("timeout").convert<std::string>(), "5s");
  EXPECT_EQ(def("buffer").convert<std::string>(), "64KiB");
  EXPECT_EQ(strings(def("include").extract<Array::Ptr>()), std::vector<std::string>{"*.txt"});
  EXPECT_EQ(def("headers").extract<Object::Ptr>()->getValue<std::string>("accept"), "text/html");
  // No default declared: no "default" key rather than a null.
  EXPECT_FALSE(props->getObject("path")->has("default"));
  EXPECT_FALSE(props->getObject("since")->has("default"));
}

TEST_F(DescribeTest, JsonSchemaExamples) {
  const auto props = schema("feed")->getObject("properties");
  EXPECT_EQ(strings(props->getObject("path")->getArray("examples")),
            std::vector<std::string>{"seeds"});
  const auto include = props->getObject("include")->getArray("examples")->getArray(0);
  EXPECT_EQ(strings(include), (std::vector<std::string>{"*.txt", "*.html"}));
  EXPECT_FALSE(schema("out")->getObject("properties")->getObject("flush_every")->has("examples"));
}

TEST_F(DescribeTest, JsonSchemaOfParserAllowsMatch) {
  const auto props = schema("text")->getObject("properties");
  ASSERT_TRUE(props->has("match"));
  EXPECT_EQ(props->getObject("match")->getValue<std::string>("type"), "array");
  EXPECT_FALSE(schema("feed")->getObject("properties")->has("match"));
}

// The schema's string patterns must accept exactly what the host accepts,
// or an editor using the schema flags valid configs (or passes bad ones).
TEST_F(DescribeTest, JsonSchemaDurationPatternAgreesWithTheHost) {
  const auto pattern = schema("feed")
                           ->getObject("properties")
                           ->getObject("timeout")
                           ->getArray("oneOf")
                           ->getObject(1)
                           ->getValue<std::string>("pattern");
  const std::regex re(pattern);
  for (const char* ok : {"250ms", "5s", "1h30m", "1.5s", "1d"}) {
    EXPECT_TRUE(std::regex_match(ok, re)) << ok << " vs " << pattern;
  }
  for (const char* bad : {"5 parsecs", "5", "5S", "-5s", ""}) {
    EXPECT_FALSE(std::regex_match(bad, re)) << bad << " vs " << pattern;
  }
}

TEST_F(DescribeTest, JsonSchemaSizePatternAgreesWithTheHost) {
  const auto pattern = schema("feed")
                           ->getObject("properties")
                           ->getObject("buffer")
                           ->getArray("oneOf")
                           ->getObject(1)
                           ->getValue<std::string>("pattern");
  const std::regex re(pattern);
  for (const char* ok : {"64KiB", "10MB", "1.5 GiB", "512", "512B", "2kB"}) {
    std::int64_t bytes = 0;
    ASSERT_TRUE(host::parse_size_bytes(ok, bytes)) << ok;
    EXPECT_TRUE(std::regex_match(ok, re))
        << ok << " is accepted by the host but not by " << pattern;
  }
  for (const char* bad : {"64 furlongs", "64kib", "KiB", ""}) {
    EXPECT_FALSE(std::regex_match(bad, re)) << bad << " vs " << pattern;
  }
}

}  // namespace
}  // namespace sluice::config_test
