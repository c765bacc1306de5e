// A fixture that loads TOML text as "pipeline.toml" against the in-process
// test plugins and hands back either the Config or the error lines.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "sluice/host/config.hpp"
#include "test_plugins.hpp"

namespace sluice::config_test {

// The stages every valid pipeline needs besides the one a test is about.
// Appended after the interesting lines, so those keep their line numbers.
inline constexpr const char* kParser = "\n[[pipeline.p.parser]]\nplugin = \"text\"\n";
inline constexpr const char* kSink =
    "\n[[pipeline.p.sink]]\nplugin = \"out\"\npath = \"o.jsonl\"\nflush_every = \"1s\"\n";
inline constexpr const char* kSource =
    "\n[[pipeline.p.source]]\nplugin = \"feed\"\npath = \"in\"\n";

// A pipeline "p" with the feed source taking `source_lines` (placed from
// line 3 on), plus a parser and a sink.
inline std::string with_source(const std::string& source_lines) {
  return "[[pipeline.p.source]]\nplugin = \"feed\"\n" + source_lines + kParser + kSink;
}

class ConfigTest : public ::testing::Test {
 protected:
  ConfigTest() { register_test_plugins(registry_); }

  host::Config load(const std::string& text) {
    return host::load_config(text, "pipeline.toml", registry_);
  }

  // The full "file:line:col: error: ..." line of every error. A config
  // that loads is a test failure, reported with the text that passed.
  std::vector<std::string> errors(const std::string& text) {
    try {
      host::load_config(text, "pipeline.toml", registry_);
    } catch (const host::ConfigErrors& e) {
      std::vector<std::string> out;
      for (const auto& one : e.errors()) out.emplace_back(one.what());
      return out;
    }
    ADD_FAILURE() << "config was accepted but should not be:\n" << text;
    return {};
  }

  // The only error of `text`; a test failure when there are more or none.
  std::string error(const std::string& text) {
    const auto all = errors(text);
    if (all.size() != 1) {
      std::string joined;
      for (const auto& e : all) joined += "\n  " + e;
      ADD_FAILURE() << "expected exactly one error, got " << all.size() << ":" << joined;
      return all.empty() ? std::string() : all.front();
    }
    return all.front();
  }

  host::PluginRegistry registry_;
};

// Sets (or unsets) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value->c_str(), 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace sluice::config_test
