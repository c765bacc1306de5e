// Running one check in a child process: a crash, a hang or an abort becomes
// a failed check that names the input the plugin was working on.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "sluice/conformance/checks.hpp"

namespace sluice::conformance::detail {

// Tells the parent what the child is about to do, so a crash can be
// reported as "crashed ... on input 'deeply nested <div>'".
class Progress {
 public:
  explicit Progress(int fd) : fd_(fd) {}
  void on(std::string_view label);

 private:
  int fd_;
};

CheckResult run_isolated(const std::function<CheckResult(Progress&)>& check, std::chrono::seconds timeout);

}  // namespace sluice::conformance::detail
