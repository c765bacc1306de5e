// Field paths and JSON Lines detection.
#include <gtest/gtest.h>

#include "json_lines.hpp"
#include "json_value.hpp"

namespace sluice::plugins::json {
namespace {

simdjson::dom::element parse(simdjson::dom::parser& p, const char* json) {
  return p.parse(std::string_view(json)).value();
}

TEST(FieldPath, NamesDotsAndPointers) {
  simdjson::dom::parser p;
  const auto root = parse(p, R"({"a": {"b.c": 1, "b": {"c": 2}}, "x/y": 3})");
  EXPECT_EQ(FieldPath("a.b.c").find(root)->get_int64().value(), 2);
  EXPECT_EQ(FieldPath("/a/b.c").find(root)->get_int64().value(), 1);
  EXPECT_EQ(FieldPath("x/y").find(root)->get_int64().value(), 3);  // '/' escaped in a plain name
  EXPECT_FALSE(FieldPath("a.missing").find(root));
  EXPECT_FALSE(FieldPath("a.b.c.d").find(root));
  EXPECT_FALSE(FieldPath("").find(root));
  EXPECT_EQ(FieldPath("a.b.c").name(), "c");
  EXPECT_EQ(FieldPath("/a/b.c").name(), "b.c");
}

TEST(ToValue, CopiesEveryType) {
  simdjson::dom::parser p;
  const auto root = parse(p, R"({"s": "t", "i": -3, "d": 1.5, "b": true, "n": null, "l": [1, "x"]})");
  const sdk::Value v = to_value(root);
  EXPECT_EQ(*v.find("s"), sdk::Value("t"));
  EXPECT_EQ(*v.find("i"), sdk::Value(std::int64_t{-3}));
  EXPECT_EQ(*v.find("d"), sdk::Value(1.5));
  EXPECT_EQ(*v.find("b"), sdk::Value(true));
  EXPECT_TRUE(v.find("n")->is_null());
  EXPECT_EQ(*v.find("l"), sdk::Value(sdk::List{std::int64_t{1}, "x"}));
}

TEST(Lines, SplitSkipsBlankLinesAndKeepsNumbers) {
  const auto lines = split_lines("a\n\n  \r\nb\r\nc");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].number, 4u);
  EXPECT_EQ(lines[1].text, "b\r");
  EXPECT_EQ(first_line("\n\n x").number, 3u);
  EXPECT_TRUE(first_line(" \n").text.empty());
}

TEST(Lines, NamedByKeyOrContentType) {
  EXPECT_TRUE(named_json_lines("dump/ARTICLES.JSONL", ""));
  EXPECT_TRUE(named_json_lines("a.ndjson", ""));
  EXPECT_TRUE(named_json_lines("a.json", "application/x-ndjson; charset=utf-8"));
  EXPECT_FALSE(named_json_lines("a.json", "application/json"));
}

}  // namespace
}  // namespace sluice::plugins::json
