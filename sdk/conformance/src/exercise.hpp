// One ordinary unit of work for a stage of any kind, and a fingerprint of
// what it produced, so two runs can be compared.
#pragma once

#include <string>

#include "sluice/sdk/testing/stage_harness.hpp"

namespace sluice::conformance::detail {

struct Work {
  std::string failure;      // empty when the stage did its job
  std::string fingerprint;  // the output, serialised; equal work gives equal text
};

// Parsers: the ordinary documents (at least one must parse); enrichers: the
// ordinary article; sources: up to 1000 documents; sinks: one write() of the
// ordinary article (no close(): see finish()).
Work exercise(sdk::testing::StageHarness& stage, std::uint32_t kind);

// The end of a run: close() for sinks, nothing for other kinds. Returns
// what close() threw, or nothing.
std::string finish(sdk::testing::StageHarness& stage, std::uint32_t kind);

}  // namespace sluice::conformance::detail
