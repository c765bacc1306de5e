// A plugin built against an older SDK minor (1.1) next to a host speaking
// 1.2: it loads, runs, is reported as lacking Source::interrupt(), and a
// stop never calls that (the fixture would abort). A stop's deadline holds
// even while such a source waits in next(): its thread is left to finish.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "fixture_dirs.hpp"
#include "sluice/host/host.hpp"
#include "test_support.hpp"

namespace {

using loader_test::fixture_dir;
using loader_test::with_paths;
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

TEST(OldSdkPlugin, LoadsAndReportsWhatItLacks) {
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(fixture_dir("old_sdk"));
  host.load_plugins();
  ASSERT_TRUE(host.refusals().empty()) << host.refusals()[0].message();
  const auto* plugin = host.registry().find("old_sdk_source");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->sdk_version(), "1.1");
  EXPECT_FALSE(plugin->can_interrupt());
  ASSERT_EQ(plugin->lacks().size(), 1u);
  EXPECT_THAT(plugin->lacks()[0], HasSubstr("Source::interrupt() (SDK 1.2)"));

  // Built-in plugins are current: nothing lacking.
  const auto* push = host.registry().find("push");
  ASSERT_NE(push, nullptr);
  EXPECT_TRUE(push->can_interrupt());
  EXPECT_TRUE(push->lacks().empty());
}

TEST(OldSdkPlugin, StopKeepsItsDeadlineWhileTheSourceWaits) {
  sluice::testing::TempDir dir;
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(fixture_dir("good"));
  host.add_plugin_dir(fixture_dir("old_sdk"));
  const auto config = host.load_config_string(with_paths(R"(
[pipeline.old]
batch_timeout = "10ms"
[[pipeline.old.source]]
plugin = "old_sdk_source"
block_ms = 5000
[[pipeline.old.parser]]
plugin = "echo_parser"
[[pipeline.old.sink]]
plugin = "file_sink"
path = @OUT@
[[pipeline.old.sink]]
plugin = "pull"
)",
                                                         {{"OUT", dir / "out.txt"}}),
                                              "old.toml");
  auto run = host.start(config, "old");
  // The first document comes through; then next() waits for 5 s.
  const auto article = run.pull(std::chrono::seconds(30));
  ASSERT_TRUE(article.has_value());
  const auto asked = Clock::now();
  const auto report = run.stop(std::chrono::milliseconds(300));
  const auto took = Clock::now() - asked;
  EXPECT_TRUE(report.stopped);
  // The source is not thread-safe, so its acknowledgement waits for next()
  // to return: the one document was stored and pulled, but never
  // acknowledged. At-least-once: a rerun delivers it again.
  EXPECT_EQ(report.articles, 0u) << sluice::host::format_report(report);
  // Not outwaited: the source's next() had almost 5 s to go.
  EXPECT_LT(took, std::chrono::seconds(3));
}

}  // namespace
