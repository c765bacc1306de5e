// The conformance kit catches what each check is for: every fixture plugin
// breaks one rule (fixtures/*.cpp), and the built-in plugins break none.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sluice/conformance/checks.hpp"
#include "test_support.hpp"

namespace {

using sluice::conformance::CheckResult;
using sluice::conformance::run_check;
using sluice::conformance::Status;
using sluice::conformance::Target;
using ::testing::HasSubstr;

Target fixture(const std::string& name) {
  return {.plugin = std::filesystem::path(AUTHORING_FIXTURE_DIR) / name / (name + ".so")};
}

void expect_fail(const CheckResult& r, const std::string& fragment) {
  EXPECT_EQ(r.status, Status::Fail) << r.detail;
  EXPECT_THAT(r.detail, HasSubstr(fragment));
}

TEST(Conformance, CatchesALeakPerInstance) {
  const auto r = run_check("create_destroy", fixture("leaky_enricher"));
  EXPECT_EQ(r.status, Status::Fail) << r.detail;
  EXPECT_THAT(r.detail, ::testing::AnyOf(HasSubstr("per instance in every window: a leak"),
                                         HasSubstr("LeakSanitizer found leaks")));
}

// The check looks at growth window by window so that a library's one-off
// late allocation is no leak; a small steady leak (48 bytes an instance)
// still grows every window and is caught.
TEST(Conformance, CatchesASmallLeakPerInstance) {
  const auto r = run_check("create_destroy", fixture("small_leak_enricher"));
  EXPECT_EQ(r.status, Status::Fail) << r.detail;
  EXPECT_THAT(r.detail, ::testing::AnyOf(HasSubstr("per instance in every window: a leak"),
                                         HasSubstr("LeakSanitizer found leaks")));
}

// A cache filled once, late (after the warm-up, as librdkafka's and glibc's
// lazy allocations can be), grows one window only: no leak.
TEST(Conformance, AOneOffLateAllocationIsNotALeak) {
  const auto r = run_check("create_destroy", fixture("late_cache_enricher"));
  EXPECT_EQ(r.status, Status::Pass) << r.detail;
}

TEST(Conformance, CatchesACrashAndNamesTheInput) {
  // Plainly a signal; under AddressSanitizer its handler reports and exits.
  const auto r = run_check("garbage_input", fixture("crashy_parser"));
  expect_fail(r, "on input 'empty as no content type'");
  EXPECT_THAT(r.detail, ::testing::AnyOf(HasSubstr("crashed with SIGSEGV (Segmentation fault)"),
                                         HasSubstr("the plugin ended the process")));
  // The other checks on the same plugin still run and pass.
  EXPECT_EQ(run_check("working_instance", fixture("crashy_parser")).status, Status::Pass);
}

TEST(Conformance, CatchesAHang) {
  auto target = fixture("hanging_enricher");
  target.timeout = std::chrono::seconds(2);
  expect_fail(run_check("garbage_input", target), "no answer after 2 s on input 'empty article'");
}

TEST(Conformance, CatchesAFalseThreadSafetyClaim) {
  expect_fail(run_check("thread_safety", fixture("racy_parser")),
              "a concurrent call gave a different result than a lone call");
  EXPECT_EQ(run_check("two_instances", fixture("racy_parser")).status, Status::Pass);
}

TEST(Conformance, CatchesStateSharedBetweenInstances) {
  expect_fail(run_check("two_instances", fixture("global_enricher")),
              "the two instances disagree on the same input in round 1 (shared state?)");
}

TEST(Conformance, ReviewsTheOptionTable) {
  const auto r = run_check("options", fixture("sloppy_options"));
  expect_fail(r, "option 'level' has no description");
  EXPECT_THAT(r.detail, HasSubstr("option 'level' is optional but declares no default"));
  EXPECT_THAT(r.detail, HasSubstr("option 'Max-Size': names are lowercase letters, digits and '_'"));
  EXPECT_THAT(r.detail, HasSubstr("option 'target' is required but has no example"));
}

TEST(Conformance, RefusedPluginFailsTheGateAndSkipsTheRest) {
  const auto outcomes = sluice::conformance::run_all(fixture("future_abi"));
  ASSERT_EQ(outcomes.size(), sluice::conformance::checks().size());
  expect_fail(outcomes.front().result,
              "built against SDK 2.0, host speaks 1.x; rebuild the plugin against SDK 1.x");
  for (std::size_t i = 1; i < outcomes.size(); ++i)
    EXPECT_EQ(outcomes[i].result.status, Status::Skip) << outcomes[i].check.id;
}

TEST(Conformance, SampleCheckNeedsASample) {
  EXPECT_EQ(run_check("sample_toml", fixture("leaky_enricher")).status, Status::Skip);
  sluice::testing::TempDir dir;
  sluice::testing::write_file(dir / "sample.toml",
                              "[[pipeline.p.enrich]]\nplugin = \"leaky_enricher\"\nunused = 1\n");
  auto target = fixture("leaky_enricher");
  target.sample = dir / "sample.toml";
  expect_fail(run_check("sample_toml", target),
              "sample.toml:3:10: error: option 'unused' expects true or false");
}

TEST(Conformance, BuiltInPluginPassesEveryCheck) {
  const Target seed_text{
      .plugin = std::filesystem::path(SLUICE_PLUGIN_DIR) / "seed_text.so",
      .sample = std::filesystem::path(SLUICE_SOURCE_DIR) / "plugins/parser/seed_text/sample.toml"};
  for (const auto& o : sluice::conformance::run_all(seed_text))
    EXPECT_EQ(o.result.status, Status::Pass) << o.check.id << ": " << o.result.detail;
}

// The GoogleTest face of the kit: one test per check, named after the file.
TEST(ConformanceRunner, ReportsEachCheckAsATest) {
  const auto r = sluice::testing::run_command(
      sluice::testing::shell_quote(AUTHORING_RUNNER) + " " +
          sluice::testing::shell_quote(
              (std::filesystem::path(AUTHORING_FIXTURE_DIR) / "global_enricher/global_enricher.so").string()),
      SLUICE_BINARY_DIR);
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out, HasSubstr("[  FAILED  ] Conformance_global_enricher.two_instances"));
  EXPECT_THAT(r.out, HasSubstr("[       OK ] Conformance_global_enricher.descriptor_gate"));
  EXPECT_THAT(r.out, HasSubstr("[  SKIPPED ] Conformance_global_enricher.sample_toml"));
}

}  // namespace
