// What the host hands each stage besides its options: a log tagged with the
// stage's name and a state space private to the pipeline and stage.
#pragma once

#include <string>

#include "sluice/host/pipeline_runner.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::host::detail {

class StageContext {
 public:
  StageContext(const std::string& pipeline, const std::string& stage, const RunOptions& options)
      : prefix_(pipeline + "/" + stage + "/"),
        log_(options.log, "[" + pipeline + "/" + stage + "] "),
        state_(options.state_db ? options.state_db->store() : nullptr, prefix_) {}

  sdk::Log* log() { return &log_; }
  sdk::StateStore* state() { return state_.inner ? &state_ : nullptr; }

 private:
  struct TaggedLog : sdk::Log {
    TaggedLog(sdk::Log* inner, std::string tag) : inner(inner), tag(std::move(tag)) {}
    void info(std::string_view m) override {
      if (inner) inner->info(tag + std::string(m));
    }
    void warn(std::string_view m) override {
      if (inner) inner->warn(tag + std::string(m));
    }
    sdk::Log* inner;
    std::string tag;
  };

  // Keys are prefixed "pipeline/stage/" so two stages never see each other's.
  struct PrefixedState : sdk::StateStore {
    PrefixedState(sdk::StateStore* inner, const std::string& prefix) : inner(inner), prefix(prefix) {}
    std::optional<std::string> get(std::string_view key) override {
      return inner->get(prefix + std::string(key));
    }
    void put(std::string_view key, std::string_view value) override {
      inner->put(prefix + std::string(key), value);
    }
    void erase(std::string_view key) override { inner->erase(prefix + std::string(key)); }
    sdk::StateStore* inner;
    const std::string& prefix;
  };

  std::string prefix_;
  TaggedLog log_;
  PrefixedState state_;
};

}  // namespace sluice::host::detail
