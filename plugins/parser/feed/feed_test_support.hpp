// Helpers shared by the feed plugin's tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "feed_parser.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::plugins::feed::testing {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// The declared defaults (the host fills them in); DefaultsMatchDeclaredOptions
// keeps this list in step with plugin.cpp.
inline sdk::Options options_with(sdk::Map overrides = {}) {
  sdk::Map values{
      {"max_bytes", std::int64_t{16} << 20}, {"fallback_charset", "windows-1252"}, {"keep_summary", true}};
  for (auto& [name, value] : overrides) values[name] = std::move(value);
  return sdk::Options(std::move(values));
}

inline FeedParser make(sdk::Map overrides = {}) {
  sdk::StageInit init;
  init.name = "feed";
  init.options = options_with(std::move(overrides));
  return FeedParser(init);
}

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline sdk::RawDocument document(const std::string& key, std::string bytes) {
  sdk::RawDocument doc;
  doc.key = key;
  doc.uri = "file:///feeds/" + key;
  doc.bytes = std::move(bytes);
  return doc;
}

inline sdk::RawDocument fixture(const std::string& name) {
  return document(name, slurp(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / name));
}

struct Collect : sdk::ParseOutput {
  void article(sdk::Article&& a) override { articles.push_back(std::move(a)); }
  void error(std::string message) override { errors.push_back(std::move(message)); }
  std::vector<sdk::Article> articles;
  Strings errors;
};

inline Collect parse(const sdk::RawDocument& doc, sdk::Map overrides = {}) {
  Collect out;
  make(std::move(overrides)).parse(doc, out);
  return out;
}

inline std::string stage_error(const sdk::RawDocument& doc) {
  Collect out;
  try {
    make().parse(doc, out);
  } catch (const sdk::StageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a StageError";
  return {};
}

inline std::string field(const sdk::Article& a, std::string_view name) {
  const sdk::Value* v = a.fields.find(name);
  return v != nullptr && v->is_string() ? v->as_string() : std::string();
}

inline Strings list_field(const sdk::Article& a, std::string_view name) {
  Strings out;
  if (const sdk::Value* v = a.fields.find(name); v != nullptr && v->is_list()) {
    for (const auto& e : v->as_list()) out.push_back(e.as_string());
  }
  return out;
}

}  // namespace sluice::plugins::feed::testing
