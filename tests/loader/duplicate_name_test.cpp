// Two files declaring one plugin name: the first directory searched wins and
// the second file is refused with a message saying where the first came from.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture_dirs.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/plugin.hpp"

namespace {

using loader_test::fixture_dir;
using sluice::host::PluginRegistry;

const auto kTwinA = fixture_dir("twin_a") / "twin.so";  // version 1.0.0-a
const auto kTwinB = fixture_dir("twin_b") / "twin.so";  // version 1.0.0-b

TEST(DuplicateName, FirstDirectoryWinsAndSecondIsRefusedNamingTheFirst) {
  PluginRegistry registry;
  const auto refusals = registry.load_directories({fixture_dir("twin_a"), fixture_dir("twin_b")});

  const auto* twin = registry.find("twin");
  ASSERT_NE(twin, nullptr);
  EXPECT_EQ(twin->version(), "1.0.0-a");
  EXPECT_EQ(twin->path, kTwinA);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].path, kTwinB);
  EXPECT_EQ(refusals[0].reason, "a plugin named 'twin' is already loaded from " + kTwinA.string());
  EXPECT_EQ(refusals[0].message(), "refused plugin " + kTwinB.string() + ": " + refusals[0].reason);
}

TEST(DuplicateName, OrderOfDirectoriesDecides) {
  PluginRegistry registry;
  const auto refusals = registry.load_directories({fixture_dir("twin_b"), fixture_dir("twin_a")});
  ASSERT_NE(registry.find("twin"), nullptr);
  EXPECT_EQ(registry.find("twin")->version(), "1.0.0-b");
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].reason, "a plugin named 'twin' is already loaded from " + kTwinB.string());
}

class Noop : public sluice::sdk::Enricher {
 public:
  explicit Noop(const sluice::sdk::StageInit&) {}
  void enrich(sluice::sdk::Article&) override {}
};

TEST(DuplicateName, InProcessPluginTakesPrecedenceOverAFile) {
  static const auto d =
      sluice::sdk::detail::make_descriptor<Noop>("twin", "9.9.9", "in-process twin", nullptr, 0, 0);
  PluginRegistry registry;
  registry.register_builtin(&d);
  const auto refusal = registry.load_file(kTwinA);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->reason, "a plugin named 'twin' is already loaded from in-process");
  EXPECT_EQ(registry.find("twin")->version(), "9.9.9");
}

}  // namespace
