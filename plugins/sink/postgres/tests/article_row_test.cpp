// Mapping an article onto the upsert's parameters, without a server.
#include "article_row.hpp"

#include <gtest/gtest.h>

#include "schema.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::plugins::postgres {
namespace {

TEST(ArticleRow, JsonKeepsTheCanonicalShapeButNoNul) {
  sdk::Article a;
  a.id = "x";
  const char title[] = {'a', '\0', 'b'};  // (not a literal: GCC 12 misreports -Wrestrict)
  a.title.assign(title, sizeof title);
  a.body = {"back\\u0000slash"};  // the text \u0000, not a NUL
  const auto row = make_row(a);
  const std::string canonical = sdk::json::to_json(a);
  EXPECT_NE(canonical.find("\"title\":\"a\\u0000b\""), std::string::npos) << canonical;
  EXPECT_NE(row.article_json.find("\"title\":\"a\\ufffdb\""), std::string::npos) << row.article_json;
  EXPECT_EQ(row.article_json.size(), canonical.size()) << "anything else changed";
  EXPECT_NE(row.article_json.find("back\\\\u0000slash"), std::string::npos);
}

TEST(ArticleRow, TimestampsAndNulls) {
  sdk::Article a;
  a.published = "Sat, 29 Jul 2023 10:15:00 +0200";
  a.fetched_at_ms = -5;
  auto row = make_row(a);
  EXPECT_EQ(row.published, "2023-07-29T08:15:00Z");
  EXPECT_FALSE(row.fetched_at_ms);
  EXPECT_FALSE(row.language);
  EXPECT_FALSE(row.content_type);
  EXPECT_EQ(row.authors_json, "[]");
}

TEST(Schema, IdentifiersAreValidatedAndQuoted) {
  EXPECT_TRUE(is_plain_identifier("_news_2024"));
  EXPECT_FALSE(is_plain_identifier("news.2024"));
  EXPECT_EQ(quoted("order"), "\"order\"");
  const Schema s("order", "simple");
  EXPECT_NE(s.upsert().find("INSERT INTO \"order\""), std::string::npos);
  EXPECT_EQ(s.upsert().find("simple"), std::string::npos);
}

}  // namespace
}  // namespace sluice::plugins::postgres
