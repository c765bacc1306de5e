// Replaying the dead-letter store through the current config.
#pragma once

#include <string>
#include <vector>

#include "sluice/host/config.hpp"
#include "sluice/host/dead_letter_limits.hpp"
#include "sluice/host/pipeline_runner.hpp"
#include "sluice/host/state_db.hpp"

namespace sluice::host {

struct ReplayOutcome {
  std::size_t selected = 0;          // entries matching the filter
  std::size_t succeeded = 0;         // delivered and removed from the store
  std::size_t failed_again = 0;      // still in the store (same id) with attempts + 1
  std::vector<std::string> skipped;  // entries whose pipeline or stage no longer exists, with why
  std::vector<RunReport> reports;
};

// Document entries (parser and enricher failures) go through their
// pipeline's parsers, enrichers and sinks again, keeping only the failed
// article when one was named; article entries (sink failures) go to that
// sink alone. Entries that succeed leave the store; those that fail the
// same way again stay, with the same id and their count raised.
ReplayOutcome replay_dead_letters(const Config& config, const PluginRegistry& registry, StateDb& db,
                                  const DeadLetterFilter& filter, RunOptions options = {});

}  // namespace sluice::host
