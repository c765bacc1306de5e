// Option values exactly as the host hands them to a stage, without writing
// TOML: the plugin's declared defaults plus overrides, each converted by the
// host's own config validator ("5s" -> 5000 ms, "64KiB" -> 65536 bytes, ...).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/value.hpp"

namespace sluice::sdk::testing {

// Overrides the host would refuse (unknown key, wrong type, missing required
// option); what() lists every problem, one per line, as `sluice validate`
// words it.
class OptionsError : public std::invalid_argument {
 public:
  explicit OptionsError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// Declared defaults, then `overrides` on top, as if written in the stage's
// TOML block: a string "5s" for a duration option arrives as 5000, a list
// of strings as a list, an sdk::Map for a table option as a table. A null
// value cannot be written in TOML and is refused; leave the key out instead.
// Throws OptionsError, or std::runtime_error when the descriptor itself is
// refused by the host's gate.
Options make_options(const sluice_plugin_descriptor& plugin, const Map& overrides = {});

// The options of the first stage in `sample_toml` (a file such as a plugin's
// sample.toml) that uses `plugin`. Pipelines in the file that lack a source,
// parser or sink get a stand-in stage, so a file holding one stage block
// validates on its own. Throws OptionsError listing every problem as
// "file:line:col: error: ...".
Options sample_options(const sluice_plugin_descriptor& plugin, const std::filesystem::path& sample_toml);

}  // namespace sluice::sdk::testing
