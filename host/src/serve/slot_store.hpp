// The scheduler's last served slot per pipeline, kept in the state database
// (key "host/<pipeline>/schedule/last_slot", epoch milliseconds) so that a
// restart can tell which slots it missed.
#pragma once

#include <memory>

#include "schedule/scheduler.hpp"
#include "sluice/host/state_db.hpp"

namespace sluice::host::serve {

class StateSlotStore final : public schedule::SlotStore {
 public:
  explicit StateSlotStore(sdk::Log* log) : log_(log) {}
  // The database of the current generation; null keeps nothing.
  void use(std::shared_ptr<StateDb> db) { db_ = std::move(db); }

  std::optional<schedule::TimePoint> load(const std::string& pipeline) override;
  void save(const std::string& pipeline, schedule::TimePoint slot) override;

 private:
  std::shared_ptr<StateDb> db_;
  sdk::Log* log_;
};

}  // namespace sluice::host::serve
