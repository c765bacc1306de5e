// The conformance kit as GoogleTest tests: one test per check, in a suite
// named after the plugin file, e.g. `Conformance_jsonl.two_instances`.
//
// In a test program of your own:
//   int main(int argc, char** argv) {
//     ::testing::InitGoogleTest(&argc, argv);
//     sluice::conformance::register_tests({.plugin = "build/my_plugin.so", .sample = "sample.toml"});
//     return RUN_ALL_TESTS();
//   }
// or use the ready-made `sluice-conformance PLUGIN.so [--sample FILE]`
// program, which CMake's sluice_add_conformance_test() runs.
#pragma once

#include "sluice/conformance/checks.hpp"

namespace sluice::conformance {

void register_tests(const Target& target);

// main() of `sluice-conformance`: GoogleTest flags, then PLUGIN.so
// [--sample FILE] [--timeout SECONDS].
int conformance_main(int argc, char** argv);

}  // namespace sluice::conformance
