// The checks themselves, one function each; checks.cpp runs them in order.
#pragma once

#include <filesystem>

#include "isolation.hpp"
#include "sluice/conformance/checks.hpp"

namespace sluice::conformance::detail {

// Every check runs in its own child process with a fresh `work` directory.
using CheckFn = CheckResult (*)(const Target& target, const std::filesystem::path& work, Progress& progress);

CheckResult check_gate(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_options(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_sample(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_working_instance(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_two_instances(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_create_destroy(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_threads(const Target&, const std::filesystem::path&, Progress&);
CheckResult check_garbage(const Target&, const std::filesystem::path&, Progress&);

}  // namespace sluice::conformance::detail
