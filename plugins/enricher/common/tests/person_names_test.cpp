// Short forms of personal names resolve to the full name.
#include "nlp/person_names.hpp"

#include <gtest/gtest.h>

namespace sluice::plugins::nlp {
namespace {

std::vector<std::uint32_t> resolve(const std::vector<std::string_view>& names) {
  std::vector<std::uint32_t> c;
  resolve_person_names(names, c);
  return c;
}

TEST(PersonNames, SurnamesAndSurnameFirstNames) {
  const std::vector<std::string_view> n = {"Kim Jong-un", "Sergei Shoigu", "Shoigu",
                                           "Kim",         "Blinken",       "Anthony Blinken"};
  EXPECT_EQ(resolve(n), (std::vector<std::uint32_t>{0, 1, 1, 0, 5, 5}));
}

TEST(PersonNames, NearestEarlierFullNameWins) {
  const std::vector<std::string_view> n = {"Boris Johnson", "Johnson", "Lyndon Johnson", "Johnson"};
  EXPECT_EQ(resolve(n), (std::vector<std::uint32_t>{0, 0, 2, 2}));
}

TEST(PersonNames, LongerFormSharingFirstAndLastWord) {
  const std::vector<std::string_view> n = {"Vladimir Putin", "Vladimir Vladimirovich Putin", "Putin"};
  EXPECT_EQ(resolve(n), (std::vector<std::uint32_t>{1, 1, 1}));
}

TEST(PersonNames, UnmatchedStayAlone) {
  EXPECT_EQ(resolve({"Shoigu", "Panda"}), (std::vector<std::uint32_t>{0, 1}));
}

}  // namespace
}  // namespace sluice::plugins::nlp
