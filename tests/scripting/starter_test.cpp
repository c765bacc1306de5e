// `sluice new-plugin lua NAME` writes a starter script, a config and an
// input file that validate and run as written, with no compiler involved.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using sluice::testing::run_command;
using sluice::testing::sluice_command;
using ::testing::HasSubstr;

TEST(LuaStarter, WritesAScriptAndConfigThatRunAsWritten) {
  sluice::testing::TempDir dir;
  const auto created = run_command(sluice_command("new-plugin lua tagger --dir starter"), dir.path());
  ASSERT_EQ(created.status, 0) << created.out << created.err;
  EXPECT_THAT(created.out, HasSubstr("tagger.lua"));
  const auto project = dir.path() / "starter";
  const auto validate = run_command(sluice_command("validate tagger.toml"), project);
  ASSERT_EQ(validate.status, 0) << validate.out << validate.err;
  const auto run = run_command(sluice_command("run tagger.toml"), project);
  ASSERT_EQ(run.status, 0) << run.out << run.err;
  const auto lines = sluice::testing::read_lines(project / "out/tagger.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr(R"("mentions":3)"));  // title and two paragraphs name the minister
  EXPECT_THAT(lines[0], HasSubstr(R"("words":)"));

  // Nothing is overwritten.
  const auto again = run_command(sluice_command("new-plugin lua tagger --dir starter"), dir.path());
  EXPECT_EQ(again.status, 2);
  EXPECT_THAT(again.err, HasSubstr("is not empty"));
}

}  // namespace
