// A clock tests move by hand, a slot store in memory, and UTC/Berlin time
// literals for the schedule tests.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "schedule/scheduler.hpp"

namespace sluice::serve_test {

using schedule_ms = std::chrono::milliseconds;
using host::schedule::TimePoint;

class FakeClock final : public host::schedule::Clock {
 public:
  explicit FakeClock(TimePoint start) : now_(start) {}
  TimePoint now() const override { return now_; }
  void set(TimePoint t) { now_ = t; }
  void advance(std::chrono::milliseconds d) { now_ += d; }

 private:
  TimePoint now_;
};

class MemorySlots final : public host::schedule::SlotStore {
 public:
  std::optional<TimePoint> load(const std::string& pipeline) override {
    const auto it = slots.find(pipeline);
    if (it == slots.end()) return std::nullopt;
    return it->second;
  }
  void save(const std::string& pipeline, TimePoint slot) override { slots[pipeline] = slot; }
  std::map<std::string, TimePoint> slots;
};

// 2024-02-29 12:30 UTC as utc(2024, 2, 29, 12, 30).
inline TimePoint utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  using namespace std::chrono;
  return TimePoint(sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min) + seconds(s));
}

}  // namespace sluice::serve_test
