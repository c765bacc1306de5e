// Four in-process plugins (one per stage kind) whose option tables cover
// every option type, so the config tests need no .so files.
//
//   feed   source   path (string, required), attempts (int), ratio (float),
//                   verbose (bool), timeout (duration), buffer (size),
//                   include (list), headers (table), since (string, no default)
//   text   parser   encoding (string)
//   tagger enricher (no options)
//   out    sink     path (string, required, with example),
//                   flush_every (duration, required, no example)
#pragma once

#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::config_test_feed {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::config_test_text {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::config_test_tagger {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::config_test_out {
const sluice_plugin_descriptor* descriptor();
}

namespace sluice::config_test {

// Registers feed, text, tagger and out through the real descriptor gate.
void register_test_plugins(host::PluginRegistry& registry);

}  // namespace sluice::config_test
