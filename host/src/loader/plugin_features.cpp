// What a loaded plugin can do, by the SDK minor version it was built
// against: the gate lets older minors in, and everything added since is
// asked for only where the plugin's descriptor says it exists.
#include "sluice/host/plugin_registry.hpp"

namespace sluice::host {
namespace {

// Whether the plugin was built against SDK major.minor or later.
bool built_against_at_least(const sluice_plugin_descriptor* d, unsigned major, unsigned minor) {
  return d->abi_major > major || (d->abi_major == major && d->abi_minor >= minor);
}

}  // namespace

std::string PluginInfo::sdk_version() const {
  return std::to_string(descriptor->abi_major) + "." + std::to_string(descriptor->abi_minor);
}

bool PluginInfo::can_interrupt() const {
  return kind() == SLUICE_KIND_SOURCE && built_against_at_least(descriptor, 1, 2);
}

std::vector<std::string> PluginInfo::lacks() const {
  std::vector<std::string> out;
  if (kind() == SLUICE_KIND_SOURCE && !can_interrupt())
    out.emplace_back("Source::interrupt() (SDK 1.2): a stop waits for its next() to return");
  // SDK 1.2's stage contracts and check() hook are reported here as well
  // once they are added.
  return out;
}

}  // namespace sluice::host
