// Problems only a stage itself can find (a Lua script that does not
// compile, an option combination a plugin refuses), found before a run.
#pragma once

#include "sluice/host/config.hpp"

namespace sluice::host {

// Creates and destroys each parser and enricher stage of every pipeline,
// once, as a run would create them, and throws ConfigErrors listing every
// construction failure at its stage's position. Sources and sinks are not
// created: they open files, connections and consumer groups. Used by
// `sluice validate` and by `serve` (start and reload) until the SDK's
// check() hook (ABI 1.2) lets a plugin check its options without a stage.
void check_stages(const Config& config, const PluginRegistry& registry);

}  // namespace sluice::host
