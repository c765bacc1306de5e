// `sluice`: the command-line host. Each verb lives in its own cmd_*.cpp and
// is listed once in verbs.cpp.
#include <cstring>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/options_schema.hpp"
#include "verbs.hpp"

using namespace sluice::cli;

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0) {
    std::cout << usage();
    return argc < 2 ? kExitUsage : kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)
    return cmd_version(argc, argv);
  const std::string verb = argv[1];
  if (const auto* v = find_verb(verb)) {
    try {
      return v->run(argc, argv);
    } catch (const sluice::host::StateDbUnusable& e) {
      report_unusable_state(verb, e);
      return kExitUsage;
    } catch (const UsageError& e) {
      std::cerr << "sluice " << verb << ": " << e.what() << "\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "sluice " << verb << ": " << e.what() << "\n";
      return kExitFailed;
    }
  }
  std::cerr << "sluice: unknown verb '" << verb << "'";
  if (const auto near = sluice::host::closest_match(verb, verb_names()); !near.empty())
    std::cerr << "; did you mean '" << near << "'?";
  std::cerr << "\n\n" << usage();
  return kExitUsage;
}
