// Bad input is handled per document: a binary file, a 0-byte file and one
// over the files source's max_size each become one dead letter naming the
// file and saying why; invalid UTF-8 is repaired (U+FFFD, with a warning on
// the article, as seed_text documents); every other article is delivered.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "corpus.hpp"
#include "delivery.hpp"
#include "marker.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr long kGood = 20;

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    write_corpus(ws_ / "in", kGood);
    std::string binary;
    for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
    sluice::testing::write_file(ws_ / "in/photo.bin", binary);
    sluice::testing::write_file(ws_ / "in/empty.txt", "");
    sluice::testing::write_file(ws_ / "in/huge.txt", article_text(900) + std::string(80 * 1024, 'x') + "\n");
    auto broken = article_text(901);
    broken.insert(broken.find("Reference"), "caf\xe9 \xff\xfe ");
    sluice::testing::write_file(ws_ / "in/latin1.txt", broken);
    cfg_ = ws_.config("p.toml", R"([pipeline.p]
workers = 2

[[pipeline.p.source]]
plugin = "files"
path = "in"
max_size = "64KiB"

[[pipeline.p.parser]]
plugin = "seed_text"
match = ["*.txt"]

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)");
  }

  Workspace ws_;
  std::filesystem::path cfg_;
};

TEST_F(BadInput, EachBadFileIsOneDeadLetterAndTheRestIsDelivered) {
  const auto run = ws_.sluice({"run", cfg_.string()});
  EXPECT_EQ(run.status.code, 1);
  EXPECT_THAT(run.err, HasSubstr("sluice: pipeline p 3 failed item(s)"));

  std::map<std::string, sluice::host::DeadLetter> dead;
  for (auto& d : ws_.dead_letters()) dead[d.item] = d;
  ASSERT_EQ(dead.size(), 3u);
  EXPECT_EQ(dead["photo.bin"].stage, "(router)");
  EXPECT_THAT(dead["photo.bin"].error, HasSubstr("no parser matches this document"));
  EXPECT_EQ(dead["empty.txt"].stage, "seed_text");
  EXPECT_EQ(dead["empty.txt"].error, "empty document");
  EXPECT_EQ(dead["huge.txt"].stage, "seed_text");
  EXPECT_THAT(dead["huge.txt"].error, HasSubstr("larger than max_size (65536 bytes); not read"));
  for (const auto& name : {"photo.bin", "empty.txt", "huge.txt"})
    EXPECT_THAT(run.out, HasSubstr(std::string("on ") + name + ": ")) << "the summary names " << name;

  auto expected = marker_range(kGood);
  expected.insert(901);
  for (const auto& [sink, t] : {std::pair{"jsonl", tally_jsonl(ws_ / "out/a.jsonl")},
                                std::pair{"sqlite", tally_sqlite(ws_ / "out/a.db")}}) {
    EXPECT_THAT(t.lost(expected), IsEmpty()) << sink;
    EXPECT_THAT(t.unexpected(expected), IsEmpty()) << sink;
    EXPECT_THAT(t.duplicated(), IsEmpty()) << sink;
  }
  const auto lines = sluice::testing::read_lines(ws_ / "out/a.jsonl");
  const auto repaired = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find(marker(901)) != std::string::npos;
  });
  ASSERT_NE(repaired, lines.end());
  EXPECT_THAT(*repaired, HasSubstr("caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd "));  // U+FFFD per bad byte
  EXPECT_THAT(*repaired, HasSubstr("3 invalid UTF-8 byte(s) replaced with U+FFFD"));
}

// Known gap (plugins/source/files): a file that could not be read whole is
// never fingerprinted as delivered, so every later run delivers it again
// and adds another dead letter for the same unchanged file. Enable once the
// files source acknowledges failed reads of unchanged files.
TEST_F(BadInput, DISABLED_ARerunDoesNotDeadLetterTheSameOversizeFileAgain) {
  ASSERT_EQ(ws_.sluice({"run", cfg_.string(), "--quiet"}).status.code, 1);
  const auto first = ws_.dead_letters().size();
  const auto rerun = ws_.sluice({"run", cfg_.string(), "--quiet"});
  EXPECT_EQ(rerun.status.code, 0);
  EXPECT_EQ(ws_.dead_letters().size(), first);
}

}  // namespace
}  // namespace reliability
