// Output helpers shared by the verbs: a stderr log and the plugin refusals.
#pragma once

#include <iostream>
#include <string_view>

#include "sluice/host/host.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::cli {

class ConsoleLog : public sdk::Log {
 public:
  void info(std::string_view m) override { std::cerr << "sluice: " << m << "\n"; }
  void warn(std::string_view m) override { std::cerr << "sluice: warning: " << m << "\n"; }
};

// Every refused plugin file, one line each, so a foreign .so is visible but
// never stops the plugins that did load.
inline void print_refusals(const host::Host& h) {
  for (const auto& r : h.refusals()) std::cerr << "sluice: warning: " << r.message() << "\n";
}

// Loads the config (plugins first) and reports errors the way every verb
// does: each "file:line:col: error: ..." on its own line. Returns false on error.
bool load_config_or_report(host::Host& h, const std::string& file, host::Config& out);

}  // namespace sluice::cli
