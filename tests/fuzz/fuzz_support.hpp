// What the fuzz targets share: an in-process registry of the real plugins
// (compiled with SLUICE_PLUGIN_STATIC) and parsers configured the way the
// host configures them.
#pragma once

#include <memory>
#include <string_view>

#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::fuzz {

// The registry with every plugin this build has: the parsers, `files`, `jsonl`.
const host::PluginRegistry& registry();

// A parser created from its declared defaults, exactly as `sluice run`
// would create it from a TOML block that sets no options.
std::shared_ptr<sdk::Parser> make_parser(std::string_view name);

// Collects nothing, but aborts (a finding) when a parser breaks a promise
// every parser makes: articles hold valid UTF-8 and a 32-character id.
class CheckedOutput : public sdk::ParseOutput {
 public:
  void article(sdk::Article&& a) override;
  void error(std::string message) override;
};

}  // namespace sluice::fuzz
