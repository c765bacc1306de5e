#include "serve/generation.hpp"

#include "sluice/host/stage_check.hpp"

namespace sluice::host::serve {

std::shared_ptr<Generation> make_generation(std::unique_ptr<Host> host, Config config,
                                            const ServeOptions& options, const Generation* current) {
  auto g = std::make_shared<Generation>();
  if (config.host.state.empty()) config.host.state = options.default_state;
  if (!config.host.state.empty()) {
    if (current && current->state && current->config.host.state == config.host.state)
      g->state = current->state;
    else
      g->state = std::make_shared<StateDb>(config.host.state);
  }
  g->host = std::move(host);
  g->config = std::move(config);
  return g;
}

std::shared_ptr<Generation> load_generation(const ServeOptions& options, const Generation* current) {
  auto host = options.make_host ? options.make_host() : std::make_unique<Host>();
  auto config = host->load_config_file(options.config_file);
  // A script that no longer compiles refuses the reload like a broken config.
  check_stages(config, host->registry());
  if (options.log)
    for (const auto& r : host->refusals()) options.log->warn(r.message());
  return make_generation(std::move(host), std::move(config), options, current);
}

}  // namespace sluice::host::serve
