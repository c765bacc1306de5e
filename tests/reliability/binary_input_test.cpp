// Binary data named like text is refused as a dead letter saying why, not
// stored as an article; text with a byte-order mark is decoded by it; a
// stray NUL byte is never dropped silently (the article says so). The real
// CLI, files -> seed_text -> jsonl.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "corpus.hpp"
#include "marker.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;

std::string utf16le_with_bom(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (const char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string utf16be_with_bom(const std::string& ascii) {
  std::string out = "\xFE\xFF";
  for (const char c : ascii) {
    out += '\0';
    out += c;
  }
  return out;
}

class BinaryInput : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 random(42);
    std::string noise(1 << 20, '\0');
    for (auto& b : noise) b = static_cast<char>(random() & 0xFF);
    sluice::testing::write_file(ws_ / "in/random.txt", noise);
    sluice::testing::write_file(ws_ / "in/utf16le.txt", utf16le_with_bom(article_text(950)));
    sluice::testing::write_file(ws_ / "in/utf16be.txt", utf16be_with_bom(article_text(951)));
    auto with_nul = article_text(952);
    with_nul.insert(with_nul.find("Reference"), std::string("a\0b ", 4));
    sluice::testing::write_file(ws_ / "in/nul.txt", with_nul);
    sluice::testing::write_file(ws_ / "in/good.txt", article_text(953));
    cfg_ = ws_.config("p.toml", R"([pipeline.p]
[[pipeline.p.source]]
plugin = "files"
path = "in"
max_size = "2MiB"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"
)");
  }

  Workspace ws_;
  std::filesystem::path cfg_;
};

TEST_F(BinaryInput, BinaryAndNulAreDeadLettersAndBomTextIsDecoded) {
  const auto run = ws_.sluice({"run", cfg_.string()});
  EXPECT_EQ(run.status.code, 1) << run.err;

  std::map<std::string, sluice::host::DeadLetter> dead;
  for (auto& d : ws_.dead_letters()) dead[d.item] = d;
  ASSERT_EQ(dead.size(), 1u) << run.out << run.err;
  EXPECT_EQ(dead["random.txt"].stage, "seed_text");
  EXPECT_THAT(dead["random.txt"].error, HasSubstr("binary data, not text: of "));
  EXPECT_THAT(run.out, HasSubstr("on random.txt: binary data, not text"));

  const auto lines = sluice::testing::read_lines(ws_ / "out/a.jsonl");
  ASSERT_EQ(lines.size(), 4u);
  std::map<long, std::string> by_marker;
  for (const auto& l : lines)
    if (auto m = find_marker(l)) by_marker[*m] = l;
  ASSERT_EQ(by_marker.size(), 4u);
  EXPECT_THAT(by_marker[952], HasSubstr("1 NUL character(s) in the text"));
  // Decoded by the mark: the date line is read as such (2023-03-27 for
  // article 950), not as "d a t e 2 0 2 3 ...".
  EXPECT_THAT(by_marker[950], HasSubstr("\"published\":\"2023-03-27\""));
  EXPECT_THAT(by_marker[951], HasSubstr("\"published\":\"2023-04-28\""));
  EXPECT_THAT(by_marker[950], HasSubstr("Scene number 950"));
  EXPECT_THAT(by_marker[953], HasSubstr("Scene number 953"));
}

}  // namespace
}  // namespace reliability
