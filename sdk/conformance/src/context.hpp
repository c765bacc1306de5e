// What every check works with, built inside the check's child process.
#pragma once

#include <filesystem>
#include <string>

#include "sluice/conformance/checks.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/testing/stage_harness.hpp"

namespace sluice::conformance::detail {

class NullLog : public sdk::Log {
 public:
  void info(std::string_view) override {}
  void warn(std::string_view) override {}
};

struct Context {
  Target target;
  std::filesystem::path work;    // a fresh directory, removed after the check
  std::filesystem::path sample;  // target.sample, or the block `sluice plugins sample` prints
  std::string name;              // the plugin's declared name
  std::uint32_t kind = 0;
  bool thread_safe = false;
};

// Loads the plugin's descriptor facts and settles which sample to use.
Context make_context(const Target& target, const std::filesystem::path& work);

// A stage instance with the sample's options whose relative paths resolve
// in a directory of its own (work/<label>), so instances never share files.
// Its log is discarded: a check that creates thousands of instances must
// not measure the harness's own log growing.
sdk::testing::StageHarness make_instance(const Context& context, const std::string& label);

}  // namespace sluice::conformance::detail
