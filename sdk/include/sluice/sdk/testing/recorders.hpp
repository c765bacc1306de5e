// Stand-ins for what the host gives a stage besides its options: a log that
// keeps every line and a state store in memory. Both are safe to call from
// several threads, as a thread-safe stage may.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sluice/sdk/stage.hpp"

namespace sluice::sdk::testing {

class RecordingLog : public Log {
 public:
  void info(std::string_view message) override { add("info: ", message); }
  void warn(std::string_view message) override { add("warn: ", message); }
  // Every line so far, "info: ..." or "warn: ...", in order.
  std::vector<std::string> lines() const {
    std::lock_guard lock(mu_);
    return lines_;
  }

 private:
  void add(std::string_view level, std::string_view message) {
    std::lock_guard lock(mu_);
    lines_.push_back(std::string(level) + std::string(message));
  }
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

class MemoryState : public StateStore {
 public:
  std::optional<std::string> get(std::string_view key) override {
    std::lock_guard lock(mu_);
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }
  void put(std::string_view key, std::string_view value) override {
    std::lock_guard lock(mu_);
    values_.insert_or_assign(std::string(key), std::string(value));
  }
  void erase(std::string_view key) override {
    std::lock_guard lock(mu_);
    if (auto it = values_.find(key); it != values_.end()) values_.erase(it);
  }
  std::map<std::string, std::string, std::less<>> all() const {
    std::lock_guard lock(mu_);
    return values_;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace sluice::sdk::testing
