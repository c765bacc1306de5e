// `sluice new-plugin` and `sluice plugins check` as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using sluice::testing::run_command;
using sluice::testing::shell_quote;
using sluice::testing::sluice_command;
using ::testing::HasSubstr;

std::string fixture(const std::string& name) {
  return shell_quote((std::filesystem::path(AUTHORING_FIXTURE_DIR) / name / (name + ".so")).string());
}

TEST(PluginsCheck, PrintsALinePerCheckAndPasses) {
  const auto plugin = std::filesystem::path(SLUICE_PLUGIN_DIR) / "jsonl.so";
  const auto sample = std::filesystem::path(SLUICE_SOURCE_DIR) / "plugins/sink/jsonl/sample.toml";
  const auto r = run_command(sluice_command("plugins check " + shell_quote(plugin.string()) + " --sample " +
                                            shell_quote(sample.string())),
                             SLUICE_BINARY_DIR);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("PASS  descriptor passes the gate                jsonl 1.0.0, sink"));
  EXPECT_THAT(r.out, HasSubstr("PASS  two instances coexist"));
  EXPECT_THAT(r.out, HasSubstr("SKIP  thread-safe claim holds"));
  EXPECT_THAT(r.out, HasSubstr("jsonl.so: 7 passed, 0 failed, 1 skipped"));
}

TEST(PluginsCheck, FailingCheckFailsTheCommand) {
  const auto r =
      run_command(sluice_command("plugins check " + fixture("global_enricher")), SLUICE_BINARY_DIR);
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out, HasSubstr("FAIL  two instances coexist"));
  EXPECT_THAT(r.out, HasSubstr("SKIP  sample.toml validates                     no sample.toml"));
}

TEST(PluginsCheck, RefusedPluginShowsTheRefusal) {
  const auto r = run_command(sluice_command("plugins check " + fixture("future_abi")), SLUICE_BINARY_DIR);
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out,
              HasSubstr("FAIL  descriptor passes the gate                built against SDK 2.0, host speaks "
                        "1.x; rebuild the plugin against SDK 1.x"));
  EXPECT_THAT(r.out, HasSubstr("future_abi.so: 0 passed, 1 failed, 7 skipped"));
}

TEST(PluginsCheck, UsageErrors) {
  EXPECT_EQ(run_command(sluice_command("plugins check"), SLUICE_BINARY_DIR).status, 2);
  const auto missing = run_command(sluice_command("plugins check /no/such.so"), SLUICE_BINARY_DIR);
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.err, HasSubstr("/no/such.so is not a file"));
}

TEST(NewPlugin, CreatesTheProjectAndSaysWhatNext) {
  sluice::testing::TempDir dir;
  const auto r = run_command(sluice_command("new-plugin enricher word_count --dir proj"), dir.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Created the enricher plugin 'word_count' in proj:"));
  EXPECT_THAT(r.out, HasSubstr("cmake -S proj -B proj/build -DCMAKE_PREFIX_PATH="));
  for (const char* file : {"CMakeLists.txt", "README.md", "sample.toml", ".gitignore", "src/plugin.cpp",
                           "src/word_count.hpp", "src/word_count.cpp", "tests/word_count_test.cpp"})
    EXPECT_TRUE(std::filesystem::exists(dir / "proj" / file)) << file;
  // The default directory is the plugin's name.
  EXPECT_EQ(run_command(sluice_command("new-plugin sink archive"), dir.path()).status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "archive/src/archive.cpp"));
}

TEST(NewPlugin, NeverOverwrites) {
  sluice::testing::TempDir dir;
  sluice::testing::write_file(dir / "proj/notes.txt", "mine");
  const auto r = run_command(sluice_command("new-plugin parser demo --dir proj"), dir.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("proj is not empty; nothing was written"));
  EXPECT_FALSE(std::filesystem::exists(dir / "proj/CMakeLists.txt"));
  EXPECT_EQ(sluice::testing::read_file(dir / "proj/notes.txt"), "mine");
}

TEST(NewPlugin, RefusesBadKindsAndNames) {
  sluice::testing::TempDir dir;
  const auto kind = run_command(sluice_command("new-plugin widget demo"), dir.path());
  EXPECT_EQ(kind.status, 2);
  EXPECT_THAT(kind.err, HasSubstr("KIND must be source, parser, enricher or sink, not 'widget'"));
  const auto name = run_command(sluice_command("new-plugin source My-Source"), dir.path());
  EXPECT_EQ(name.status, 2);
  EXPECT_THAT(name.err, HasSubstr("plugin name 'My-Source' must start with a lowercase letter"));
  EXPECT_EQ(run_command(sluice_command("new-plugin source"), dir.path()).status, 2);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
