// The enricher drop channel through the real CLI: `dedup` with drop = true
// keeps near-duplicates out of the sinks without failing or dead-lettering
// them, and their documents are checkpointed like delivered ones.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sluice::testing {
namespace {

const std::filesystem::path kSeed =
    std::filesystem::path(SLUICE_SOURCE_DIR) / "seeds" / "000_42c6fa3853cb70aa.txt";

constexpr const char* kConfig = R"(
[host]
plugin_dirs = ["${SLUICE_PLUGIN_DIR}"]
state = "var/state.db"

[pipeline.copies]
workers = 2

[[pipeline.copies.source]]
plugin = "files"
path = "in"

[[pipeline.copies.parser]]
plugin = "seed_text"

[[pipeline.copies.enrich]]
plugin = "dedup"
drop = true

[[pipeline.copies.sink]]
plugin = "jsonl"
path = "out/copies.jsonl"
)";

class DropChannel : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "in");
    write_file(dir_ / "pipeline.toml", kConfig);
  }
  CommandResult sluice(const std::string& args) {
    return run_command("SLUICE_PLUGIN_DIR=" + shell_quote(SLUICE_PLUGIN_DIR) + " " + sluice_command(args),
                       dir_.path());
  }
  TempDir dir_;
};

TEST_F(DropChannel, NearDuplicatesAreDroppedNotFailedAndNotReadAgain) {
  // The same story under three names: the first one read is kept.
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) std::filesystem::copy_file(kSeed, dir_ / "in" / name);

  const auto first = sluice("run pipeline.toml");
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("3 documents, 1 articles delivered, 0 failed"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("stage 'dedup' dropped 2 article(s) on purpose"), std::string::npos) << first.out;
  EXPECT_EQ(read_lines(dir_ / "out/copies.jsonl").size(), 1u);

  const auto dlq = sluice("dlq list --config pipeline.toml");
  EXPECT_EQ(dlq.status, 0) << dlq.err;
  EXPECT_EQ(dlq.out.find("dedup"), std::string::npos) << "a dropped article is no dead letter:\n" << dlq.out;

  // All three documents were acknowledged: nothing to read on the next run.
  const auto second = sluice("run pipeline.toml");
  ASSERT_EQ(second.status, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("0 documents, 0 articles delivered"), std::string::npos) << second.out;
  EXPECT_EQ(read_lines(dir_ / "out/copies.jsonl").size(), 1u);

  // A copy arriving later is a duplicate of what earlier runs kept.
  std::filesystem::copy_file(kSeed, dir_ / "in" / "d.txt");
  const auto third = sluice("run pipeline.toml");
  ASSERT_EQ(third.status, 0) << third.out << third.err;
  EXPECT_NE(third.out.find("1 documents, 0 articles delivered, 0 failed"), std::string::npos) << third.out;
  EXPECT_EQ(read_lines(dir_ / "out/copies.jsonl").size(), 1u);
}

}  // namespace
}  // namespace sluice::testing
