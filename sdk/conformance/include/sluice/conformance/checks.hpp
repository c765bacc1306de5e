// The conformance kit: the checks every sluice plugin binary must pass, run
// against a built .so through the host's real loader. `sluice plugins check`
// prints them; sluice::conformance (gtest.hpp) turns them into GoogleTest
// tests. See docs/writing-plugins.md for what each check asks of a plugin.
//
// Each check runs in a child process of its own, so a plugin that crashes,
// hangs or corrupts memory fails that check (naming the input it was on)
// instead of taking the test program down with it.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::conformance {

enum class Status { Pass, Fail, Skip };
const char* status_name(Status status);  // "PASS", "FAIL", "SKIP"

struct CheckResult {
  Status status = Status::Fail;
  std::string detail;  // one line for a pass; the reason for a failure or skip
};

struct Target {
  std::filesystem::path plugin{};  // the plugin's .so
  // Its sample.toml. Empty: that check is skipped and instances get the
  // block `sluice plugins sample` prints (required options from examples).
  std::filesystem::path sample{};
  std::chrono::seconds timeout{300};  // per check
};

struct Check {
  std::string_view id;     // "two_instances": a GoogleTest test name
  std::string_view title;  // "two instances coexist": what `sluice plugins check` prints
};

// Every check, in the order they run. The first is the descriptor gate;
// when it fails the others are skipped.
const std::vector<Check>& checks();

CheckResult run_check(std::string_view id, const Target& target);

struct Outcome {
  Check check;
  CheckResult result;
};
// Every check in order; `each` sees every outcome as soon as it is known.
std::vector<Outcome> run_all(const Target& target, const std::function<void(const Outcome&)>& each = nullptr);

// sample.toml next to the plugin file, else in the folder above it (a
// `sluice new-plugin` project builds into DIR/build/), or nothing.
std::filesystem::path sample_next_to(const std::filesystem::path& plugin);

}  // namespace sluice::conformance
