// bench_inprocess CONFIG: `sluice run CONFIG` for the minimal chain, with the
// files, seed_text and jsonl stages compiled into this program and
// registered in-process (Host::register_plugin) instead of loaded from .so
// files. Comparing it with `sluice run` measures what the plugin boundary
// costs. Only the three registered plugins exist: no plugin directory is
// searched.
#include <cstdio>
#include <iostream>

#include "sluice/host/host.hpp"

// Defined by the plugins' plugin.cpp, compiled here with SLUICE_PLUGIN_STATIC.
namespace sluice::plugins::files {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::seed_text {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::jsonl {
const sluice_plugin_descriptor* descriptor();
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CONFIG\n", argv[0]);
    return 2;
  }
  try {
    sluice::host::Host host;
    host.use_default_plugin_dir(false);
    host.register_plugin(sluice::plugins::files::descriptor());
    host.register_plugin(sluice::plugins::seed_text::descriptor());
    host.register_plugin(sluice::plugins::jsonl::descriptor());
    const auto config = host.load_config_file(argv[1]);
    bool ok = true;
    for (const auto& report : host.run(config)) {
      std::cout << sluice::host::format_report(report);
      ok = ok && report.ok();
    }
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_inprocess: " << e.what() << "\n";
    return 2;
  }
}
