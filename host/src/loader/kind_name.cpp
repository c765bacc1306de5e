#include "sluice/host/plugin_registry.hpp"

namespace sluice::host {

const char* kind_name(std::uint32_t kind) {
  switch (kind) {
    case SLUICE_KIND_SOURCE: return "source";
    case SLUICE_KIND_PARSER: return "parser";
    case SLUICE_KIND_ENRICHER: return "enricher";
    case SLUICE_KIND_SINK: return "sink";
  }
  return "unknown";
}

}  // namespace sluice::host
