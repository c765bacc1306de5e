// Shared helpers for the `html` parser's tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "html_parser.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/testing/options.hpp"

namespace sluice::plugins::html {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::html::testing {

namespace fs = std::filesystem;

// The options the host would hand the stage: the declared defaults, then
// `overrides`, through the host's own validation.
inline sdk::Options options(const sdk::Map& overrides = {}) {
  return sdk::testing::make_options(*descriptor(), overrides);
}

inline HtmlParser make_parser(const sdk::Map& overrides = {}) {
  sdk::StageInit init;
  init.pipeline = "test";
  init.name = "html";
  init.options = options(overrides);
  return HtmlParser(init);
}

class Collect : public sdk::ParseOutput {
 public:
  void article(sdk::Article&& a) override { articles.push_back(std::move(a)); }
  void error(std::string message) override { errors.push_back(std::move(message)); }
  std::vector<sdk::Article> articles;
  std::vector<std::string> errors;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline sdk::RawDocument document(std::string bytes, std::string key = "page.html") {
  sdk::RawDocument doc;
  doc.uri = "file:///data/" + key;
  doc.key = std::move(key);
  doc.content_type = "text/html";
  doc.bytes = std::move(bytes);
  doc.fetched_at_ms = 1'690'000'000'000;
  return doc;
}

inline sdk::RawDocument fixture(const std::string& name) {
  return document(slurp(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / name), name);
}

// Parses through the Parser interface, as the host does, and expects one
// article and no partial errors.
inline sdk::Article parse(const sdk::RawDocument& doc, const sdk::Map& overrides = {}) {
  HtmlParser parser = make_parser(overrides);
  Collect out;
  parser.parse(doc, out);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(out.articles.size(), 1u);
  return out.articles.empty() ? sdk::Article{} : std::move(out.articles.front());
}

// The StageError message parse() throws for `doc`; fails if none.
inline std::string stage_error(const sdk::RawDocument& doc, const sdk::Map& overrides = {}) {
  HtmlParser parser = make_parser(overrides);
  Collect out;
  try {
    parser.parse(doc, out);
  } catch (const sdk::StageError& e) {
    EXPECT_TRUE(out.articles.empty());
    return e.what();
  }
  ADD_FAILURE() << "expected a StageError";
  return {};
}

inline std::string joined(const std::vector<std::string>& paragraphs) {
  std::string s;
  for (const auto& p : paragraphs) s += p + "\n";
  return s;
}

// True when some paragraph contains `text`.
inline bool has_text(const sdk::Article& a, std::string_view text) {
  return std::any_of(a.body.begin(), a.body.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

inline std::vector<std::string> warnings(const sdk::Article& a) {
  std::vector<std::string> out;
  if (const sdk::Value* w = a.fields.find("warnings")) {
    for (const auto& v : w->as_list()) out.push_back(v.as_string());
  }
  return out;
}

}  // namespace sluice::plugins::html::testing
