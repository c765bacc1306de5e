#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "sluice/conformance/gtest.hpp"

namespace sluice::conformance {
namespace {

// The gate runs once, on its own, so every other test can say why it skips.
class CheckTest : public ::testing::Test {
 public:
  CheckTest(Target target, Check check) : target_(std::move(target)), check_(check) {}
  void TestBody() override {
    if (check_.id != checks().front().id) {
      const auto gate = run_check(checks().front().id, target_);
      if (gate.status != Status::Pass) GTEST_SKIP() << "the plugin did not pass the descriptor gate";
    }
    const auto result = run_check(check_.id, target_);
    switch (result.status) {
      case Status::Pass: std::cout << "  " << check_.title << ": " << result.detail << "\n"; return;
      case Status::Skip: GTEST_SKIP() << result.detail;
      case Status::Fail: FAIL() << check_.title << ": " << result.detail;
    }
  }

 private:
  Target target_;
  Check check_;
};

// GoogleTest names allow letters, digits and '_' only.
std::string suite_name(const std::filesystem::path& plugin) {
  std::string out = "Conformance_";
  for (char c : plugin.stem().string()) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "sluice-conformance: " << problem
            << "\nusage: sluice-conformance [gtest flags] PLUGIN.so [--sample FILE] [--timeout SECONDS]\n";
  std::exit(2);
}

}  // namespace

void register_tests(const Target& target) {
  const std::string suite = suite_name(target.plugin);
  for (const auto& check : checks()) {
    ::testing::RegisterTest(suite.c_str(), std::string(check.id).c_str(), nullptr, nullptr, __FILE__,
                            __LINE__,
                            [target, check]() -> ::testing::Test* { return new CheckTest(target, check); });
  }
}

int conformance_main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);  // takes the --gtest_* flags out of argv
  Target target;
  bool sample_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--sample" || arg == "--timeout") && i + 1 >= argc) usage(arg + " needs a value");
    if (arg == "--sample") {
      target.sample = argv[++i];
      sample_given = true;
    } else if (arg == "--timeout") {
      const int seconds = std::atoi(argv[++i]);
      if (seconds <= 0) usage("--timeout needs a positive number of seconds");
      target.timeout = std::chrono::seconds(seconds);
    } else if (arg.rfind("--", 0) == 0 || !target.plugin.empty()) {
      usage("unexpected argument '" + arg + "'");
    } else {
      target.plugin = arg;
    }
  }
  if (target.plugin.empty()) usage("no plugin file given");
  if (!sample_given) target.sample = sample_next_to(target.plugin);
  register_tests(target);
  return RUN_ALL_TESTS();
}

}  // namespace sluice::conformance
