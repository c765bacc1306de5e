// In-process stages for the harness tests (test_stages.cpp, compiled with
// SLUICE_PLUGIN_STATIC): small, scriptable, and one with every option type.
#pragma once

#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::probe {
// An enricher declaring one option of every type, `target` required.
const sluice_plugin_descriptor* descriptor();
}  // namespace sluice::plugins::probe
namespace sluice::plugins::script_parser {
// bytes "throw": throws; "partial": article, error(), article; "half": an
// article, then throws; anything else: one article titled with the bytes.
const sluice_plugin_descriptor* descriptor();
}  // namespace sluice::plugins::script_parser
namespace sluice::plugins::script_source {
// `count` documents doc-1 ... doc-N; acknowledge() stores the cursor in the
// state store and throws for the cursor "bad".
const sluice_plugin_descriptor* descriptor();
}  // namespace sluice::plugins::script_source
namespace sluice::plugins::script_sink {
// Appends titles to state key "written"; a title "fail" throws; close()
// stores "closed". Logs one line per batch.
const sluice_plugin_descriptor* descriptor();
}  // namespace sluice::plugins::script_sink
