// Generated documents for the parser benchmark: realistic shapes (news
// paragraphs, feeds with HTML content, JSON Lines records, a page with
// boilerplate around the article), deterministic, a few hundred KiB each.
#pragma once

#include <string>

namespace sluice::bench {

struct Input {
  std::string key;  // decides e.g. JSON Lines detection
  std::string content_type;
  std::string bytes;
};

Input seed_text_input();
Input plain_text_input();
Input json_lines_input();
Input rss_input();
Input atom_input();
Input html_input();

}  // namespace sluice::bench
