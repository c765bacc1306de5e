// Keeps `serve` quiet when there is nothing to do. A pipeline polled every
// few seconds that finds nothing new would otherwise log two lines per run,
// forever. The first idle run is logged (with a note), later ones are
// counted and summarised in one heartbeat line at most once a minute; the
// first run that does something is logged in full again.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "sluice/host/pipeline_runner.hpp"

namespace sluice::host::serve {

class IdleLog {
 public:
  using Clock = std::chrono::steady_clock;
  explicit IdleLog(std::chrono::seconds heartbeat = std::chrono::seconds(60)) : heartbeat_(heartbeat) {}

  // A run found nothing and nothing failed.
  static bool idle(const RunReport& r) { return r.ok() && !r.stopped && r.documents == 0 && r.dropped == 0; }

  // Whether "run started" is worth a line: not while the pipeline is idle.
  bool announce_start(const std::string& pipeline) const {
    const auto it = state_.find(pipeline);
    return it == state_.end() || !it->second.quiet;
  }

  // The line to log for a finished run, or empty when it is counted instead.
  std::string finished(const std::string& pipeline, const RunReport& r, const std::string& line,
                       Clock::time_point now) {
    auto& s = state_[pipeline];
    if (!idle(r)) {
      s = {};
      return line;
    }
    if (!s.quiet) {
      s.quiet = true;
      s.since = now;
      return line + " (nothing new; further idle runs are summarised at most once a minute)";
    }
    ++s.count;
    return {};
  }

  // Heartbeat lines due at `now`, one per pipeline with idle runs counted.
  void heartbeat(Clock::time_point now, const std::function<void(const std::string&)>& emit) {
    for (auto& [pipeline, s] : state_) {
      if (!s.quiet || s.count == 0 || now - s.since < heartbeat_) continue;
      const auto secs = std::chrono::duration_cast<std::chrono::seconds>(now - s.since).count();
      emit("pipeline " + pipeline + ": idle, " + std::to_string(s.count) + " run(s) in the last " +
           std::to_string(secs) + " s found nothing new");
      s.count = 0;
      s.since = now;
    }
  }

 private:
  struct State {
    bool quiet = false;
    std::uint64_t count = 0;
    Clock::time_point since{};
  };
  std::chrono::seconds heartbeat_;
  std::map<std::string, State> state_;
};

}  // namespace sluice::host::serve
