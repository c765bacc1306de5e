// What an embedder catches: one base (sluice::Error) over config, plugin and
// run errors; a stage that fails to start is a ConfigErrors like a bad file;
// an unknown plugin names the directories searched, with no second error
// about the section it left empty.
#include <gtest/gtest.h>

#include "sluice/host/host.hpp"
#include "test_support.hpp"

namespace sluice::testing {
namespace {

TEST(EmbeddingErrors, UnknownPluginNamesTheDirectoriesSearchedAndNothingElse) {
  TempDir dir;
  host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(SLUICE_PLUGIN_DIR);
  host.add_plugin_dir(dir / "no-such-dir");
  try {
    host.load_config_string(
        "[pipeline.x]\n[[pipeline.x.source]]\nplugin = \"push\"\n[[pipeline.x.parser]]\nplugin = "
        "\"seed_txt\"\n"
        "[[pipeline.x.sink]]\nplugin = \"pull\"\n",
        "x.toml");
    FAIL() << "an unknown plugin was accepted";
  } catch (const host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u) << e.what();  // no "pipeline 'x' has no parser stage" after it
    const std::string what = e.what();
    EXPECT_NE(what.find("x.toml:5:10: error: unknown plugin 'seed_txt'; did you mean 'seed_text'?"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("searched " + std::string(SLUICE_PLUGIN_DIR) + ", " + (dir / "no-such-dir").string() +
                        " (does not exist)"),
              std::string::npos)
        << what;
  }
  ASSERT_EQ(host.warnings().size(), 1u);
  EXPECT_EQ(host.warnings()[0], "plugin directory " + (dir / "no-such-dir").string() + " does not exist");
}

TEST(EmbeddingErrors, AStageThatFailsToStartIsAConfigErrorsAtItsPosition) {
  TempDir dir;
  host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(SLUICE_PLUGIN_DIR);
  // The files source refuses a directory that does not exist when it starts.
  const auto config = host.load_config_string(
      "[pipeline.x]\n[[pipeline.x.source]]\nplugin = \"files\"\npath = \"" + (dir / "missing").string() +
          "\"\n[[pipeline.x.parser]]\nplugin = \"plain_text\"\n[[pipeline.x.sink]]\nplugin = \"pull\"\n",
      "x.toml");
  try {
    host.start(config, "x").wait();
    FAIL() << "the stage started";
  } catch (const host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].where().line, 2u);
    EXPECT_NE(e.errors()[0].detail().find("stage 'files' (plugin files) failed to start"), std::string::npos)
        << e.what();
  }
  // The same failure through the common base.
  EXPECT_THROW(host.run(config, "x"), sluice::Error);
}

TEST(EmbeddingErrors, RegisteringAPluginTwiceIsAPluginError) {
  host::Host host;
  host.use_default_plugin_dir(false);
  try {
    host.register_plugin(host.registry().find("push")->descriptor);
    FAIL() << "registered twice";
  } catch (const host::PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("a plugin named 'push' is already registered"), std::string::npos);
  }
}

}  // namespace
}  // namespace sluice::testing
