// The recognizer measured on hand-annotated news text: exact-span micro F1
// over PER/ORG/LOC/MISC must stay at or above the 0.70 target on
// both files (testdata/annotated.conll was used while developing the rules;
// testdata/heldout.conll was written afterwards, see README.md).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "eval/conll.hpp"
#include "test_support.hpp"

namespace sluice::plugins::entities::eval {
namespace {

std::string slurp(const std::string& name) {
  std::ifstream in(std::string(SLUICE_PLUGIN_TEST_DIR) + "/testdata/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ConllEval, AnnotatedSetReachesTheTarget) {
  const auto docs = read_conll(slurp("annotated.conll"));
  ASSERT_GE(docs.size(), 15u);
  const Scores s = score(docs, testing::recognizer());
  std::cout << report(s);
  EXPECT_GE(s.micro.tp + s.micro.fn, 200u) << "the gold set shrank";
  EXPECT_GE(s.micro.f1(), 0.70);
}

TEST(ConllEval, HeldOutSetReachesTheTarget) {
  const auto docs = read_conll(slurp("heldout.conll"));
  const Scores s = score(docs, testing::recognizer());
  std::cout << report(s);
  EXPECT_GE(s.micro.f1(), 0.70);
}

TEST(ConllReader, RebuildsTextAndSpans) {
  const auto docs = read_conll(
      "-DOCSTART-\n\nMr\tO\nShoigu\tB-PER\n’s\tO\nvisit\tO\nto\tO\nNorth\tB-LOC\nKorea\tI-LOC\n,\tO\n"
      "“\tO\nfriendly\tO\n”\tO\n.\tO\n\nUS\tB-LOC\n-led\tO\n\n-DOCSTART-\n\nKim\tI-PER\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].article.body,
            (std::vector<std::string>{"Mr Shoigu’s visit to North Korea, “friendly”.", "US-led"}));
  ASSERT_EQ(docs[0].gold.size(), 3u);
  EXPECT_EQ(docs[0].gold[1], (Span{0, 23, 34, sdk::EntityType::Location}));
  EXPECT_EQ(docs[0].gold[2], (Span{1, 0, 2, sdk::EntityType::Location}));
  EXPECT_EQ(docs[1].gold[0].type, sdk::EntityType::Person) << "a bare I- starts an entity (IOB1)";
}

TEST(ConllReader, RejectsMalformedLines) {
  EXPECT_THROW(read_conll("Kim B-PER\n"), std::invalid_argument);
  EXPECT_THROW(read_conll("Kim\tB-PERSON\n"), std::invalid_argument);
}

TEST(ConllScore, ExactSpansOnly) {
  // "Mr Shoigu" as gold PER (title included) does not match the predicted
  // "Shoigu": exact spans, as the CoNLL evaluation counts them.
  const auto docs = read_conll("Mr\tB-PER\nShoigu\tI-PER\nvisited\tO\nMoscow\tB-LOC\n.\tO\n");
  const Scores s = score(docs, testing::recognizer());
  EXPECT_EQ(s.micro.tp, 1u);
  EXPECT_EQ(s.micro.fp, 1u);
  EXPECT_EQ(s.micro.fn, 1u);
  EXPECT_DOUBLE_EQ(s.micro.f1(), 0.5);
}

}  // namespace
}  // namespace sluice::plugins::entities::eval
