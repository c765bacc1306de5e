// Running the `html` parser plugin over pages through the real host.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sluice/sdk/article.hpp"

namespace sluice::bench::html_eval {

struct Extraction {
  bool ok = false;
  std::string error;  // why the parser failed the page
  sdk::Article article;
};

struct RunOutcome {
  std::map<std::string, Extraction> by_file;  // keyed by the file path
  std::uint64_t bytes = 0;                    // page bytes read
  double parser_seconds = 0;                  // wall time inside the parser, all workers
  double cpu_seconds = 0;                     // CPU time of the whole run, all threads
  double wall_seconds = 0;
  unsigned workers = 0;
};

// Loads the plugins in `plugin_dir` (the build tree's when empty), runs a
// pipeline eval_pages -> html -> eval_discard over `files` with `workers`
// workers, and collects every article. `options` are html parser options
// as key=value ("favor=precision", "min_paragraph_chars=20").
RunOutcome run_parser(const std::vector<std::filesystem::path>& files,
                      const std::vector<std::string>& options, const std::filesystem::path& plugin_dir,
                      unsigned workers);

}  // namespace sluice::bench::html_eval
