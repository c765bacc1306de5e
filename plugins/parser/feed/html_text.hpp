// The text of an HTML fragment from a feed (RSS description, content:encoded,
// Atom html content): tags stripped, entities decoded, block elements as
// paragraph breaks. A deliberately simple reader, not the `html` plugin's
// boilerplate remover: feed content is already the article.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::feed {

// Paragraphs of `html`, each on one line with white space collapsed. Text
// inside script, style and similar elements is dropped.
std::vector<std::string> html_paragraphs(std::string_view html);

// All of `html` on one line (for titles and names that carry markup).
std::string html_line(std::string_view html);

}  // namespace sluice::plugins::feed
