// Validators survive the round trip through the state store, and make the
// conditional GET headers.
#include "net/validators.hpp"

#include <gtest/gtest.h>

namespace sluice::plugins::net {
namespace {

TEST(Validators, RoundTripThroughTheStoredValue) {
  const Validators v{"W/\"abc\"", "Mon, 02 Oct 2023 08:00:00 GMT", hash_body("body")};
  const auto back = Validators::decode(v.encode());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->etag, v.etag);
  EXPECT_EQ(back->last_modified, v.last_modified);
  EXPECT_EQ(back->content_hash, v.content_hash);
}

TEST(Validators, ForeignValuesAreIgnored) {
  EXPECT_FALSE(Validators::decode("").has_value());
  EXPECT_FALSE(Validators::decode("v9\na\nb\nc").has_value());
  EXPECT_FALSE(Validators::decode("v1\nonly two").has_value());
}

TEST(Validators, ConditionalHeadersNameOnlyWhatIsKnown) {
  EXPECT_TRUE(Validators{}.conditional_headers().empty());
  const auto h = Validators{"\"e\"", "", "x"}.conditional_headers();
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first, "If-None-Match");
  EXPECT_EQ(h[0].second, "\"e\"");
}

TEST(Validators, OfAResponseTakesHeadersAndHashesTheBody) {
  Response r;
  r.headers = {{"etag", "\"x\""}, {"Last-Modified", "yesterday"}};
  r.body = "hello";
  const auto v = Validators::of(r);
  EXPECT_EQ(v.etag, "\"x\"");
  EXPECT_EQ(v.last_modified, "yesterday");
  EXPECT_EQ(v.content_hash, hash_body("hello"));
  EXPECT_NE(v.content_hash, hash_body("hello!"));
}

}  // namespace
}  // namespace sluice::plugins::net
