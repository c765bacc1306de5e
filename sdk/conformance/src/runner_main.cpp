// `sluice-conformance PLUGIN.so [--sample FILE]`: the conformance kit as a
// GoogleTest program, one test per check.
#include "sluice/conformance/gtest.hpp"

int main(int argc, char** argv) { return sluice::conformance::conformance_main(argc, argv); }
