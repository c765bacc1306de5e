#include "console.hpp"

namespace sluice::cli {

bool load_config_or_report(host::Host& h, const std::string& file, host::Config& out) {
  try {
    out = h.load_config_file(file);
    print_refusals(h);
    return true;
  } catch (const host::ConfigErrors& e) {
    print_refusals(h);
    std::cerr << e.what() << "\n";
    std::cerr << "sluice: " << file << " is invalid (" << e.errors().size()
              << (e.errors().size() == 1 ? " error)" : " errors)") << "\n";
  } catch (const host::ConfigError& e) {
    print_refusals(h);
    std::cerr << e.what() << "\n";
  }
  return false;
}

}  // namespace sluice::cli
