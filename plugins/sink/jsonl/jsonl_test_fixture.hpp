// The jsonl sink tests' fixture: a private temp dir, a StageInit built by
// the host's own option validator, a log that keeps what it was told, and
// helpers to read and write files whole.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jsonl_sink.hpp"
#include "sluice/sdk/json.hpp"
#include "sluice/sdk/testing/options.hpp"

namespace sluice::plugins::jsonl {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp

namespace testing_support {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

inline const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

class CapturingLog final : public sdk::Log {
 public:
  void info(std::string_view message) override { infos.emplace_back(message); }
  void warn(std::string_view message) override { warnings.emplace_back(message); }
  std::vector<std::string> infos, warnings;
};

inline sdk::Article make_article(std::string id, std::string title, std::vector<std::string> body) {
  sdk::Article a;
  a.id = std::move(id);
  a.source_uri = "file:///seeds/" + a.id + ".txt";
  a.content_type = "text/plain";
  a.fetched_at_ms = 1700000000123;
  a.title = std::move(title);
  a.body = std::move(body);
  a.language = "en";
  return a;
}

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void spit(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// The file's lines; fails the test if the file does not end with '\n'.
inline std::vector<std::string> lines_of(const fs::path& path) {
  const std::string text = slurp(path);
  if (!text.empty()) {
    EXPECT_EQ(text.back(), '\n') << "file ends with a partial line";
  }
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline Object::Ptr parse(const std::string& line) {
  Poco::JSON::Parser parser;
  return parser.parse(line).extract<Object::Ptr>();
}

class JsonlSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = (fs::temp_directory_path() / "sluice-jsonl-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir.data()), nullptr);
    dir_ = dir;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A StageInit as the host would build it: the declared defaults plus
  // `overrides`, converted by the host's own validator.
  sdk::StageInit init(const std::string& path, sdk::Map overrides = {}, sdk::StateStore* state = nullptr) {
    sdk::StageInit i;
    i.state = state;
    i.pipeline = "test";
    i.name = "jsonl";
    i.base_dir = dir_.string();
    i.log = &log_;
    overrides["path"] = path;
    i.options = sdk::testing::make_options(*descriptor(), overrides);
    return i;
  }

  fs::path dir_;
  CapturingLog log_;
};

}  // namespace testing_support
}  // namespace sluice::plugins::jsonl
