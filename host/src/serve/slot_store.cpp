#include "serve/slot_store.hpp"

#include <charconv>

namespace sluice::host::serve {
namespace {
std::string key(const std::string& pipeline) { return "host/" + pipeline + "/schedule/last_slot"; }
}  // namespace

std::optional<schedule::TimePoint> StateSlotStore::load(const std::string& pipeline) {
  if (!db_) return std::nullopt;
  try {
    const auto text = db_->get(key(pipeline));
    if (!text) return std::nullopt;
    std::int64_t ms = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), ms);
    if (ec != std::errc() || end != text->data() + text->size())
      return std::nullopt;  // not ours: start afresh
    return schedule::TimePoint(std::chrono::milliseconds(ms));
  } catch (const std::exception& e) {
    if (log_) log_->warn("cannot read the last schedule slot of pipeline " + pipeline + ": " + e.what());
    return std::nullopt;
  }
}

void StateSlotStore::save(const std::string& pipeline, schedule::TimePoint slot) {
  if (!db_) return;
  try {
    db_->put(key(pipeline), std::to_string(slot.time_since_epoch().count()));
    db_->flush();  // outside any run's checkpoint: make it durable now
  } catch (const std::exception& e) {
    // Only catch-up after a restart depends on it: log and keep serving.
    if (log_) log_->warn("cannot save the schedule slot of pipeline " + pipeline + ": " + e.what());
  }
}

}  // namespace sluice::host::serve
