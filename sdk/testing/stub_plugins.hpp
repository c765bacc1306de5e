// Stand-in stages that complete a pipeline around the stage under test, so
// the host's config validator accepts a block for one stage on its own.
// They are registered, never run.
#pragma once

#include "sluice/sdk/descriptor.h"

namespace sluice::sdk::testing::detail {

// Names the stand-ins are registered under. A '-' keeps them apart from any
// name `sluice new-plugin` accepts.
inline constexpr const char* kStubSource = "sluice-testing-source";
inline constexpr const char* kStubParser = "sluice-testing-parser";
inline constexpr const char* kStubSink = "sluice-testing-sink";

const sluice_plugin_descriptor* stub_source();
const sluice_plugin_descriptor* stub_parser();
const sluice_plugin_descriptor* stub_sink();

}  // namespace sluice::sdk::testing::detail
