// Folded keys: case, white space, apostrophes and hyphens.
#include "nlp/folded_map.hpp"

#include <gtest/gtest.h>

namespace sluice::plugins::nlp {
namespace {

TEST(FoldedMap, IgnoresCaseSpacingAndApostropheStyle) {
  FoldedMap<int> m;
  m[fold("Côte d'Ivoire")] = 1;
  m[fold("North Korea")] = 2;
  EXPECT_EQ(m.count(std::string_view("CÔTE D’IVOIRE")), 0u) << "only ASCII letters fold";
  EXPECT_EQ(m.at(std::string(fold("Côte d’Ivoire"))), 1);
  EXPECT_EQ(m.find(std::string_view("north  \n KOREA"))->second, 2);
  EXPECT_EQ(m.count(std::string_view("North Korean")), 0u);
}

TEST(FoldedMap, HashAgreesWithEquality) {
  const FoldedHash h;
  EXPECT_EQ(h("Jong‑un"), h("jong-un"));
  EXPECT_TRUE(FoldedEqual{}("Jong‑un", "JONG-UN"));
}

TEST(ForEachLine, SkipsCommentsAndBlanksAndTrims) {
  std::vector<std::string> lines;
  for_each_line("# head\n a \n\nb\r\n#x\nc", [&](std::string_view l) { lines.emplace_back(l); });
  EXPECT_EQ(lines, (std::vector<std::string>{"a", "b", "c"}));
  std::string_view f[3];
  EXPECT_EQ(split_tabs("x\ty", f), 2u);
  EXPECT_EQ(f[1], "y");
}

}  // namespace
}  // namespace sluice::plugins::nlp
