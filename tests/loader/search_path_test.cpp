// Where plugins are looked for, in order: --plugin-dir values, then
// $SLUICE_PLUGIN_DIR (colon-separated), then [host] plugin_dirs, then the
// default directory. Checked on the list itself and, with two plugins of one
// name, on which one a Host actually loads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "fixture_dirs.hpp"
#include "sluice/host/host.hpp"
#include "sluice/host/plugin_registry.hpp"

namespace {

using loader_test::fixture_dir;
using sluice::host::plugin_search_path;
using ::testing::ElementsAre;
using Path = std::filesystem::path;

// Sets or unsets SLUICE_PLUGIN_DIR for one test, restoring it afterwards.
class PluginDirEnv {
 public:
  explicit PluginDirEnv(const char* value) {
    if (const char* old = std::getenv(kName)) old_ = old;
    if (value)
      ::setenv(kName, value, 1);
    else
      ::unsetenv(kName);
  }
  ~PluginDirEnv() {
    if (old_)
      ::setenv(kName, old_->c_str(), 1);
    else
      ::unsetenv(kName);
  }

 private:
  static constexpr const char* kName = "SLUICE_PLUGIN_DIR";
  std::optional<std::string> old_;
};

TEST(PluginSearchPath, CliThenEnvironmentThenConfig) {
  PluginDirEnv env("/env/one::/env/two:");  // empty entries are skipped
  EXPECT_THAT(plugin_search_path({"/cli/one", "/cli/two"}, {"/cfg/one", "/cfg/two"}, false),
              ElementsAre(Path("/cli/one"), Path("/cli/two"), Path("/env/one"), Path("/env/two"),
                          Path("/cfg/one"), Path("/cfg/two")));
}

TEST(PluginSearchPath, UnsetOrEmptyEnvironmentAddsNothing) {
  {
    PluginDirEnv env(nullptr);
    EXPECT_THAT(plugin_search_path({"/cli"}, {"/cfg"}, false), ElementsAre(Path("/cli"), Path("/cfg")));
  }
  {
    PluginDirEnv env("");
    EXPECT_THAT(plugin_search_path({"/cli"}, {"/cfg"}, false), ElementsAre(Path("/cli"), Path("/cfg")));
  }
}

TEST(PluginSearchPath, DefaultComesLastAndIsTheBuildTreePluginDir) {
  // This test runs from build/bin; build/plugins is where the build puts
  // plugins (created here in case no real plugin was built yet).
  const Path build_plugins = Path(SLUICE_BINARY_DIR) / "plugins";
  std::filesystem::create_directories(build_plugins);
  ASSERT_EQ(std::filesystem::weakly_canonical(sluice::host::default_plugin_dir()),
            std::filesystem::weakly_canonical(build_plugins));

  PluginDirEnv env("/env");
  EXPECT_THAT(plugin_search_path({"/cli"}, {"/cfg"}, true),
              ElementsAre(Path("/cli"), Path("/env"), Path("/cfg"), sluice::host::default_plugin_dir()));
}

// The Host loads the search path in order, so the first directory holding a
// plugin named `twin` decides which file serves it.
std::string twin_version(sluice::host::Host& host, const Path& config_dir) {
  host.use_default_plugin_dir(false);
  host.load_plugins({config_dir});
  const auto* twin = host.registry().find("twin");
  return twin ? twin->version() : "(none)";
}

TEST(HostSearchOrder, AddedDirectoryBeatsEnvironmentAndConfig) {
  PluginDirEnv env(fixture_dir("twin_b").c_str());
  sluice::host::Host host;
  host.add_plugin_dir(fixture_dir("twin_a"));
  EXPECT_EQ(twin_version(host, fixture_dir("twin_b")), "1.0.0-a");
  ASSERT_EQ(host.refusals().size(), 1u);  // twin_b/twin.so, once: the two mentions are one dir
  EXPECT_EQ(host.refusals()[0].path, fixture_dir("twin_b") / "twin.so");
}

TEST(HostSearchOrder, EnvironmentBeatsConfig) {
  PluginDirEnv env(fixture_dir("twin_b").c_str());
  sluice::host::Host host;
  EXPECT_EQ(twin_version(host, fixture_dir("twin_a")), "1.0.0-b");
}

TEST(HostSearchOrder, ConfigDirectoriesInTheirOrder) {
  PluginDirEnv env(nullptr);
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.load_plugins({fixture_dir("twin_a"), fixture_dir("twin_b")});
  ASSERT_NE(host.registry().find("twin"), nullptr);
  EXPECT_EQ(host.registry().find("twin")->version(), "1.0.0-a");
}

// One directory reached under two spellings is loaded once, so its plugins
// are not refused as duplicates of themselves.
TEST(HostSearchOrder, SameDirectoryUnderTwoSpellingsLoadsOnce) {
  PluginDirEnv env(nullptr);
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(fixture_dir("good"));
  host.load_plugins({fixture_dir("good") / ".", fixture_dir("twin_a") / ".." / "good"});
  EXPECT_TRUE(host.refusals().empty()) << host.refusals()[0].message();
  // good/'s four, besides the push source and pull sink every Host has.
  EXPECT_EQ(host.registry().names().size(), 6u);
}

}  // namespace
