// The seed article (seeds/000_42c6fa3853cb70aa.txt) as an Article, for the
// NLP enrichers' tests and benchmark: the caption from the " date ...
// <caption> - <credit>" line, then one paragraph per blank-line-separated
// block, as the seed_text parser produces them for this file (its
// paragraphs are single lines, so no white-space repair is involved).
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::nlp::testing {

inline sdk::Article seed_article(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  sdk::Article a;
  std::size_t start = 0;
  bool header = true;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string block = text.substr(start, end - start);
    while (!block.empty() && (block.back() == '\n' || block.back() == ' ')) block.pop_back();
    while (!block.empty() && (block.front() == '\n' || block.front() == ' ')) block.erase(0, 1);
    start = end + 2;
    if (block.empty()) continue;
    if (header) {
      header = false;
      // "date 2023-07-29 <caption> - <credit>"
      const std::size_t after_date = block.find(' ', block.find(' ') + 1);
      const std::size_t dash = block.rfind(" - ");
      a.published = block.substr(5, after_date - 5);
      a.caption = block.substr(after_date + 1, dash - after_date - 1);
      a.credit = block.substr(dash + 3);
      continue;
    }
    a.body.push_back(block);
  }
  return a;
}

inline std::string seed_path() { return std::string(SLUICE_SOURCE_DIR) + "/seeds/000_42c6fa3853cb70aa.txt"; }

}  // namespace sluice::plugins::nlp::testing
