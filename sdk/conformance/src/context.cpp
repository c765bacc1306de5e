#include "context.hpp"

#include <fstream>
#include <stdexcept>

#include "sluice/host/options_schema.hpp"
#include "sluice/host/plugin_registry.hpp"

namespace sluice::conformance::detail {

Context make_context(const Target& target, const std::filesystem::path& work) {
  host::PluginRegistry registry;
  if (auto refusal = registry.load_file(target.plugin)) throw std::runtime_error(refusal->message());
  const host::PluginInfo& info = *registry.all().front();
  Context c{target, work, target.sample, info.name(), info.kind(), info.thread_safe()};
  if (c.sample.empty()) {
    // Required options take their declared examples, as in the docs.
    c.sample = work / "generated-sample.toml";
    std::ofstream(c.sample) << host::sample_toml(info);
  }
  return c;
}

sdk::testing::StageHarness make_instance(const Context& context, const std::string& label) {
  static NullLog discard;  // stateless, so sharing it is harmless
  const auto base = context.work / label;
  std::filesystem::create_directories(base);
  return sdk::testing::StageHarness(context.target.plugin,
                                    {.sample = context.sample, .base_dir = base.string(), .log = &discard});
}

}  // namespace sluice::conformance::detail
