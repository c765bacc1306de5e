// Noted plugin directories: a config's look-up loads only the file of the
// plugin it names; a listing loads every file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "fixture_dirs.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "test_support.hpp"

namespace {

using loader_test::fixture_dir;
using sluice::host::PluginRegistry;
using ::testing::Contains;

// all/ holds the four good plugins beside every file the gate refuses.
TEST(LazyLoading, FindLoadsOnlyTheNamedFile) {
  PluginRegistry registry;
  registry.note_directories({fixture_dir("all")});
  const auto* tag = registry.find("tag_enricher");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->path, fixture_dir("all") / "tag_enricher.so");
  EXPECT_TRUE(registry.refusals().empty()) << registry.refusals()[0].message();  // no refused file was opened
  EXPECT_EQ(registry.find("tag_enricher"), tag);                                 // loaded once

  // A listing is complete: every good plugin, and every refusal.
  const auto names = registry.names();
  EXPECT_EQ(names.size(), 4u);
  EXPECT_THAT(names, Contains("counter_source"));
  EXPECT_FALSE(registry.refusals().empty());
}

TEST(LazyLoading, FirstFileInSearchOrderServesTheName) {
  PluginRegistry registry;
  registry.note_directories({fixture_dir("twin_b"), fixture_dir("twin_a")});
  ASSERT_NE(registry.find("twin"), nullptr);
  EXPECT_EQ(registry.find("twin")->version(), "1.0.0-b");
  EXPECT_TRUE(registry.refusals().empty());  // twin_a/twin.so was never needed
}

TEST(LazyLoading, ARefusedFileGivesWayToTheNextOfThatName) {
  sluice::testing::TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms(0755));
  std::ofstream(dir / "twin.so") << "not a shared library\n";
  PluginRegistry registry;
  registry.note_directories({dir.path(), fixture_dir("twin_a")});
  const auto* twin = registry.find("twin");
  ASSERT_NE(twin, nullptr);
  EXPECT_EQ(twin->version(), "1.0.0-a");
  const auto refusals = registry.refusals();
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].path, dir / "twin.so");
}

TEST(LazyLoading, AFileNamedUnlikeItsPluginIsStillFound) {
  sluice::testing::TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms(0755));
  std::filesystem::copy_file(fixture_dir("good") / "tag_enricher.so", dir / "renamed.so");
  PluginRegistry registry;
  registry.note_directories({dir.path()});
  const auto* tag = registry.find("tag_enricher");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->path, dir / "renamed.so");
  EXPECT_EQ(registry.find("no_such_plugin"), nullptr);
}

}  // namespace
