// One test's world on disk: a fresh directory holding the input corpus
// (in/), config files, the state database (state/sluice.db) and outputs
// (out/), in which the real `sluice` CLI runs with the built-in and fixture
// plugins.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "dead_letter_print.hpp"
#include "sluice/host/state_db.hpp"
#include "test_support.hpp"

namespace reliability {

struct CliResult {
  ExitStatus status;
  std::string out, err;
};

class Workspace {
 public:
  const std::filesystem::path& dir() const { return tmp_.path(); }
  std::filesystem::path operator/(const std::string& name) const { return tmp_ / name; }
  std::filesystem::path state_file() const { return tmp_ / "state/sluice.db"; }

  // Writes `file` holding a [host] table (plugin_dirs: built-in and fixture
  // plugins; state: state/sluice.db) followed by `pipelines`.
  std::filesystem::path config(const std::string& file, const std::string& pipelines) const;

  // `sluice ARGS...` in dir(), to completion.
  CliResult sluice(const std::vector<std::string>& args) const;
  // `sluice ARGS...` in the background; output goes to `log`.out/.err.
  std::unique_ptr<ChildProcess> start_sluice(const std::vector<std::string>& args,
                                             const std::string& log) const;

  // The state database's dead-letter store (opened for the call only, so
  // it never overlaps a CLI run).
  std::vector<sluice::host::DeadLetter> dead_letters(bool with_input = false) const;

 private:
  sluice::testing::TempDir tmp_;
  mutable int calls_ = 0;
};

// `path` as a TOML basic string, quotes included.
std::string toml_string(const std::filesystem::path& path);

}  // namespace reliability
