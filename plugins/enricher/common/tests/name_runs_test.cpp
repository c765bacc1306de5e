// Capitalised runs and their titles.
#include "nlp/name_runs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/tokenizer.hpp"

namespace sluice::plugins::nlp {
namespace {

const Lexicon& lex() {
  static const Lexicon l;
  return l;
}

std::vector<std::string> runs(std::string_view text) {
  Tokens t;
  tokenize(text, t);
  std::vector<NameRun> r;
  find_runs(text, t, lex(), r);
  std::vector<std::string> out;
  for (const auto& x : r) out.emplace_back(span_text(text, t, x.first, x.last));
  return out;
}

using V = std::vector<std::string>;

TEST(NameRuns, JoinsAcrossHeadConnectorsOnly) {
  EXPECT_EQ(runs("said Ankit Panda, a nuclear expert at the Carnegie Endowment for International Peace."),
            (V{"Ankit Panda", "Carnegie Endowment for International Peace"}));
  EXPECT_EQ(runs("between Russia and China, the Gulf of Mexico and the Democratic Republic of the Congo"),
            (V{"Russia", "China", "Gulf of Mexico", "Democratic Republic of the Congo"}));
  EXPECT_EQ(runs("a friend of Ukraine"), (V{"Ukraine"}));
}

TEST(NameRuns, ParticlesAmpersandAndTitleStops) {
  EXPECT_EQ(runs("Ursula von der Leyen met Procter & Gamble and Mr. Shoigu"),
            (V{"Ursula von der Leyen", "Procter & Gamble", "Mr. Shoigu"}));
}

TEST(NameRuns, FunctionWordsDoNotStartRunsButAcronymsDo) {
  EXPECT_EQ(runs("The US and I think However Kim"), (V{"US", "Kim"}));
}

TEST(NameRuns, PossessiveEndsTheRun) {
  Tokens t;
  const std::string text = "Shoigu’s visit to Pyongyang’s arsenal";
  tokenize(text, t);
  std::vector<NameRun> r;
  find_runs(text, t, lex(), r);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_TRUE(r[0].possessive);
  EXPECT_TRUE(r[0].initial);
  EXPECT_FALSE(r[1].initial);
}

struct Split {
  std::string left, title, name;
};

Split split(std::string_view text) {
  Tokens t;
  tokenize(text, t);
  std::vector<NameRun> r;
  find_runs(text, t, lex(), r);
  const RunParts p = split_run(text, t, lex(), r.at(0));
  auto s = [&](const NameRun& x) {
    return x.first == x.last ? std::string() : std::string(span_text(text, t, x.first, x.last));
  };
  return {s(p.left), s(p.title), s(p.name)};
}

TEST(SplitRun, TitlesAndRoles) {
  auto a = split("Russian Defence Minister Sergei Shoigu");
  EXPECT_EQ(a.left, "Russian");
  EXPECT_EQ(a.title, "Defence Minister");
  EXPECT_EQ(a.name, "Sergei Shoigu");
  auto b = split("Mr Shoigu");
  EXPECT_EQ(b.title, "Mr");
  EXPECT_EQ(b.name, "Shoigu");
  auto c = split("US Secretary of State Antony Blinken");
  EXPECT_EQ(c.left, "US");
  EXPECT_EQ(c.title, "Secretary of State");
  EXPECT_EQ(c.name, "Antony Blinken");
  auto d = split("Mr. Kim");
  EXPECT_EQ(d.name, "Kim");
}

TEST(SplitRun, RoleWordsInsideOrganisationNamesStay) {
  EXPECT_EQ(split("General Motors").name, "General Motors");
  EXPECT_EQ(split("General Assembly").name, "General Assembly");
  EXPECT_EQ(split("Office of the Prime Minister").name, "Office of the Prime Minister");
}

}  // namespace
}  // namespace sluice::plugins::nlp
