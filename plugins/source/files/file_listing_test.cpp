// The streamed listing of the `files` source: the same bytewise order as one
// sorted listing, in windows of bounded size.
#include "file_listing.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "sluice/sdk/testing/recorders.hpp"

namespace sluice::plugins::files {
namespace {
namespace fs = std::filesystem;

class Tree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("sluice-listing-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    // '-' sorts before '/', so "a-c.txt" comes before everything in "a/".
    for (const char* f : {"a-c.txt", "a/b.txt", "a/z/deep.txt", "b.txt", "notes.md", ".hidden.txt"}) add(f);
    for (int i = 0; i < 40; ++i) add("many/" + std::to_string(i) + ".txt");
  }
  void TearDown() override { fs::remove_all(root_); }

  void add(const std::string& relative) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << relative;
  }

  std::vector<std::string> drain(FileListing& listing) {
    std::vector<std::string> out;
    while (const std::string* p = listing.next()) out.push_back(*p);
    return out;
  }

  fs::path root_;
  PathFilter filter_{{"*.txt"}, {}};
  ListingOptions options_;
};

TEST_F(Tree, EveryWindowSizeGivesTheOneSortedListing) {
  const auto all = list_files(root_, filter_, options_, nullptr);
  ASSERT_EQ(all.size(), 44u);  // not notes.md, not the hidden file
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(all[0], "a-c.txt");
  EXPECT_EQ(all[1], "a/b.txt");
  for (std::size_t window : {1u, 3u, 7u, 11u, 44u, 45u, 1000u}) {
    FileListing listing(root_, filter_, options_, nullptr, window);
    EXPECT_EQ(drain(listing), all) << "window " << window;
    // One pass per window's worth of files: memory holds one window at a time.
    EXPECT_EQ(listing.passes(), (all.size() + window - 1) / window) << "window " << window;
    EXPECT_EQ(listing.next(), nullptr);
  }
}

TEST_F(Tree, AFileAddedDuringTheListingIsDeliveredIfItSortsAfterTheLastDelivered) {
  FileListing listing(root_, filter_, options_, nullptr, 4);
  std::vector<std::string> seen;
  for (int i = 0; i < 5; ++i) seen.push_back(*listing.next());  // into the second window
  EXPECT_EQ(seen.back(), "many/0.txt");
  add("0-too-early.txt");  // before everything delivered: not delivered
  add("zz-late.txt");      // after: delivered, in order
  for (const auto& p : drain(listing)) seen.push_back(p);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), "0-too-early.txt"), 0);
  EXPECT_EQ(seen.back(), "zz-late.txt");
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.size(), 45u);
}

TEST_F(Tree, ProblemsAreReportedOncePerListing) {
  fs::create_symlink(root_ / "nowhere", root_ / "dangling.txt");
  options_.follow_symlinks = true;
  sdk::testing::RecordingLog log;
  FileListing listing(root_, filter_, options_, &log, 5);
  EXPECT_EQ(drain(listing).size(), 44u);
  EXPECT_GT(listing.passes(), 1u);
  EXPECT_EQ(log.lines().size(), 1u);
}

}  // namespace
}  // namespace sluice::plugins::files
