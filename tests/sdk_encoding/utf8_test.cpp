// sdk::utf8::append_code_point: the one UTF-8 encoder every plugin shares.
#include "sluice/sdk/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using sluice::sdk::utf8::append_code_point;
using sluice::sdk::utf8::decode;

std::string encoded(char32_t cp) {
  std::string out;
  append_code_point(out, cp);
  return out;
}

TEST(Utf8Append, EncodesEachLengthAndDecodesBack) {
  EXPECT_EQ(encoded(U'A'), "A");
  EXPECT_EQ(encoded(U'é'), "\xC3\xA9");
  EXPECT_EQ(encoded(U'’'), "\xE2\x80\x99");
  EXPECT_EQ(encoded(U'😀'), "\xF0\x9F\x98\x80");
  for (char32_t cp : {U'\x7F', U'\x80', U'\x7FF', U'\x800', U'\xFFFF', U'\x10000', U'\x10FFFF'}) {
    const std::string bytes = encoded(cp);
    char32_t back = 0;
    EXPECT_EQ(decode(bytes, 0, back), bytes.size()) << static_cast<unsigned>(cp);
    EXPECT_EQ(back, cp);
  }
}

TEST(Utf8Append, SurrogatesAndValuesPastTheRangeBecomeTheReplacement) {
  EXPECT_EQ(encoded(0xD800), "\xEF\xBF\xBD");
  EXPECT_EQ(encoded(0xDFFF), "\xEF\xBF\xBD");
  EXPECT_EQ(encoded(0x110000), "\xEF\xBF\xBD");
  std::string out = "x";
  append_code_point(out, U'y');
  EXPECT_EQ(out, "xy");  // appends, never replaces
}

}  // namespace
