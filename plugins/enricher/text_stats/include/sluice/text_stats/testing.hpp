// Test support for the enrichers that share text_stats: the seed article,
// articles from paragraphs, stage set-up with the host's own option
// handling (sdk::testing::make_options), and a state store that counts its
// calls. Header-only; for tests and benchmarks, which link sluice::sdk_testing.
#pragma once

#include <atomic>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/testing/options.hpp"
#include "sluice/sdk/testing/recorders.hpp"

namespace sluice::plugins::text_stats::testing {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline sdk::Article article_of(std::vector<std::string> paragraphs, std::string published = "",
                               std::string id = "test-article") {
  sdk::Article a;
  a.id = std::move(id);
  a.body = std::move(paragraphs);
  a.published = published;
  a.published_raw = std::move(published);
  return a;
}

// The seed article as the seed_text parser reads it: " date YYYY-MM-DD
// caption - credit", a blank line, then paragraphs separated by blank lines.
// Kept small on purpose: these tests are about enrichers, not parsing.
inline sdk::Article seed_article(const std::string& source_dir) {
  const std::string text = slurp(source_dir + "/seeds/000_42c6fa3853cb70aa.txt");
  std::vector<std::string> blocks;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string block = text.substr(pos, end - pos);
    while (!block.empty() && (block.back() == '\n' || block.back() == ' ')) block.pop_back();
    while (!block.empty() && (block.front() == '\n' || block.front() == ' ')) block.erase(0, 1);
    if (!block.empty()) blocks.push_back(block);
    pos = end + 2;
  }
  sdk::Article a;
  a.id = "42c6fa3853cb70aa";
  const std::string header = blocks.front().substr(5);  // after "date "
  a.published = a.published_raw = header.substr(0, 10);
  const std::string rest = header.substr(11);
  const std::size_t dash = rest.rfind(" - ");
  a.caption = rest.substr(0, dash);
  a.credit = rest.substr(dash + 3);
  a.body.assign(blocks.begin() + 1, blocks.end());
  return a;
}

inline sdk::StageInit init_of(const sluice_plugin_descriptor* d, sdk::Map overrides = {},
                              sdk::StateStore* state = nullptr) {
  sdk::StageInit init;
  init.pipeline = "test";
  init.name = d->name;
  init.options = sdk::testing::make_options(*d, overrides);
  init.state = state;
  return init;
}

// The SDK's in-memory state store, counting reads and writes so tests can
// tell a bucket lookup from a scan.
class MemoryState : public sdk::testing::MemoryState {
 public:
  std::optional<std::string> get(std::string_view key) override {
    ++gets;
    return sdk::testing::MemoryState::get(key);
  }
  void put(std::string_view key, std::string_view value) override {
    ++puts;
    sdk::testing::MemoryState::put(key, value);
  }
  std::map<std::string, std::string, std::less<>> values() const { return all(); }
  std::atomic<std::size_t> gets = 0, puts = 0;
};

}  // namespace sluice::plugins::text_stats::testing
