// The example stage of each kind, as data: its description, flags and
// option table. One table renders three files, so they cannot disagree:
// the C++ option table in src/plugin.cpp, the README's options table and
// sample.toml (the last two through the host's own describe/sample code).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sluice/sdk/descriptor.h"

namespace sluice::scaffold {

struct ExampleOption {
  std::string name;
  sluice_option_type type;
  bool required = false;
  std::string default_toml;  // empty: no default
  std::string description;
  std::string example_toml;
};

struct Example {
  std::string description;  // one line, no final full stop
  std::uint32_t flags = 0;
  std::vector<ExampleOption> options;
};

Example example_for(std::uint32_t kind, const std::string& name);

}  // namespace sluice::scaffold
