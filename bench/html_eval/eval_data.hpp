// Reading the annotated pages html_eval scores.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sluice::bench::html_eval {

struct EvalPage {
  std::string id;  // the URL (evaldata.json) or the page id (ground truth)
  std::filesystem::path file;
  std::vector<std::string> with, without;  // segments that must / must not be extracted
  std::optional<std::string> gold;         // the whole article text, when known
  std::string title, author, date;         // gold metadata, when known
};

// trafilatura's evaldata.json: {"<url>": {"file": "x.html", "with": [...],
// "without": [...], "title", "author", "date"}}. Each file is looked for in
// `dirs` in order; entries whose file is in none are reported in `missing`.
std::vector<EvalPage> read_evaldata(const std::filesystem::path& json,
                                    const std::vector<std::filesystem::path>& dirs,
                                    std::vector<std::string>& missing);

// The article-extraction-benchmark's ground-truth.json: {"<id>":
// {"articleBody": "...", "headline"?: "..."}}, pages at DIR/<id>.html.
std::vector<EvalPage> read_ground_truth(const std::filesystem::path& json, const std::filesystem::path& dir,
                                        std::vector<std::string>& missing);

// The held-out split: pages whose id hashes (XXH3-64) to 0 modulo 5.
// Tuning looks only at the others.
bool is_held_out(const EvalPage& page);

}  // namespace sluice::bench::html_eval
