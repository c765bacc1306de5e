// Decides when each pipeline runs under `sluice serve`. It starts nothing
// itself and reads time only from an injected Clock, so tests drive it with a
// fake one: the serve loop asks take_due() what to start, reports
// finished(), and sleeps until next_wakeup().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "schedule/local_time.hpp"
#include "sluice/host/schedule.hpp"

namespace sluice::host::schedule {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

// Where the last slot served by each pipeline survives restarts (the state
// database under `sluice serve`), so that a restart can tell missed slots.
class SlotStore {
 public:
  virtual ~SlotStore() = default;
  virtual std::optional<TimePoint> load(const std::string& pipeline) = 0;
  virtual void save(const std::string& pipeline, TimePoint slot) = 0;
};

// A run to start now.
struct DueRun {
  std::string pipeline;
  TimePoint slot;         // the slot it serves (before jitter)
  bool catch_up = false;  // it stands for slots missed while sluice was down
  bool queued = false;    // it waited for the previous run (overlap = "queue")
};

struct PipelineTiming {
  std::optional<TimePoint> next_run;  // jitter included; none for a `once` pipeline that ran
  bool running = false;
  bool queued = false;
  std::uint64_t skipped = 0;  // slots that got no run of their own because a run was in progress
};

class Scheduler {
 public:
  Scheduler(const Clock& clock, SlotStore& store, std::uint64_t seed = std::random_device{}());

  // Sets the pipelines (at start and on every reload). A pipeline whose
  // schedule is unchanged keeps its timing; a new or changed one is planned
  // afresh from its last slot in the store: a `once` pipeline then runs.
  void configure(const std::vector<std::pair<std::string, Schedule>>& pipelines);

  // The runs to start now, each marked running until finished().
  std::vector<DueRun> take_due();

  // A run ended. `completed`: it was not cut short by a stop request, so its
  // slot counts as served and is saved.
  void finished(const std::string& pipeline, bool completed);

  // The earliest time take_due() may return something.
  std::optional<TimePoint> next_wakeup() const;
  std::optional<PipelineTiming> timing(const std::string& pipeline) const;

 private:
  struct Entry {
    Schedule schedule;
    std::optional<TimePoint> next_slot;  // none: nothing left to run
    TimePoint fire_at;                   // next_slot plus jitter
    bool catch_up = false;               // next_slot stands for missed slots
    bool running = false;
    TimePoint running_slot;
    std::optional<TimePoint> queued_slot;
    std::uint64_t skipped = 0;
  };

  void plan_first(Entry& e, std::optional<TimePoint> last, TimePoint now);
  TimePoint advance(Entry& e, TimePoint now);
  void set_next(Entry& e, std::optional<TimePoint> slot);

  const Clock& clock_;
  SlotStore& store_;
  std::mt19937_64 rng_;
  std::vector<std::pair<std::string, Entry>> entries_;  // in config order
};

}  // namespace sluice::host::schedule
