// Helpers shared by the entities tests: run the recognizer on a paragraph
// or an article and look entities up by name.
#pragma once

#include <string>
#include <vector>

#include "recognizer.hpp"

namespace sluice::plugins::entities::testing {

inline const Recognizer& recognizer() {
  static const Recognizer r;
  return r;
}

inline std::vector<sdk::Entity> run(const std::vector<std::string>& paragraphs, std::string caption = {},
                                    std::string title = {}) {
  sdk::Article a;
  a.body = paragraphs;
  a.caption = std::move(caption);
  a.title = std::move(title);
  return recognizer().recognize(a);
}

inline const sdk::Entity* find(const std::vector<sdk::Entity>& es, std::string_view name) {
  for (const auto& e : es)
    if (e.name == name) return &e;
  return nullptr;
}

// "PERSON Sergei Shoigu [Sergei Shoigu, Mr Shoigu]" lines, for messages.
inline std::string dump(const std::vector<sdk::Entity>& es) {
  std::string out;
  for (const auto& e : es) {
    out += std::string(sdk::to_string(e.type)) + " " + e.name + " [";
    for (std::size_t i = 0; i < e.mentions.size(); ++i)
      out += (i ? ", " : "") + std::to_string(e.mentions[i].paragraph) + ":" + e.mentions[i].text;
    out += "]\n";
  }
  return out;
}

}  // namespace sluice::plugins::entities::testing
