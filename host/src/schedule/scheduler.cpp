#include "schedule/scheduler.hpp"

#include <algorithm>

#include "schedule/next_slot.hpp"

namespace sluice::host::schedule {

namespace c = std::chrono;

TimePoint SystemClock::now() const { return c::floor<c::milliseconds>(c::system_clock::now()); }

Scheduler::Scheduler(const Clock& clock, SlotStore& store, std::uint64_t seed)
    : clock_(clock), store_(store), rng_(seed) {}

void Scheduler::configure(const std::vector<std::pair<std::string, Schedule>>& pipelines) {
  const TimePoint now = clock_.now();
  std::vector<std::pair<std::string, Entry>> next;
  for (const auto& [name, schedule] : pipelines) {
    auto old =
        std::find_if(entries_.begin(), entries_.end(), [&n = name](const auto& e) { return e.first == n; });
    if (old != entries_.end() && old->second.schedule == schedule) {
      next.emplace_back(name, std::move(old->second));
      continue;
    }
    Entry e;
    e.schedule = schedule;
    std::optional<TimePoint> last = store_.load(name);
    if (old != entries_.end()) {
      // The run in progress (under the old schedule) carries on; its slot is
      // the latest served.
      const Entry& was = old->second;
      e.running = was.running;
      e.running_slot = was.running_slot;
      e.skipped = was.skipped;
      if (was.running && (!last || *last < was.running_slot)) last = was.running_slot;
    }
    plan_first(e, last, now);
    next.emplace_back(name, std::move(e));
  }
  entries_ = std::move(next);
}

void Scheduler::plan_first(Entry& e, std::optional<TimePoint> last, TimePoint now) {
  const Schedule& s = e.schedule;
  if (s.kind == Schedule::Kind::once) {
    set_next(e, now);
    return;
  }
  if (!last) {
    // First start: an interval runs at once, a cron schedule at its next time.
    set_next(e, s.kind == Schedule::Kind::every ? std::optional(now) : next_slot(s, now, now));
    return;
  }
  const auto first = next_slot(s, *last, *last);
  if (!first || *first > now) {
    set_next(e, first);
  } else if (s.catch_up) {
    // Down across one or more slots: one run now stands for all of them.
    set_next(e, now);
    e.catch_up = true;
  } else {
    set_next(e, next_slot(s, *last, now));
  }
}

void Scheduler::set_next(Entry& e, std::optional<TimePoint> slot) {
  e.next_slot = slot;
  e.catch_up = false;
  if (!slot) return;
  const auto jitter = e.schedule.jitter.count();
  const auto delay = jitter > 0 ? std::uniform_int_distribution<std::int64_t>(0, jitter)(rng_) : 0;
  e.fire_at = *slot + c::milliseconds(delay);
}

// Moves past the slot that is due and returns the slot its run serves.
// Slots that passed meanwhile (a late wake-up, a suspended machine) fold
// into that run, which then serves up to `now`, rather than firing in a burst.
TimePoint Scheduler::advance(Entry& e, TimePoint now) {
  const TimePoint slot = *e.next_slot;
  const auto following = next_slot(e.schedule, slot, slot);
  if (following && *following <= now) {
    set_next(e, next_slot(e.schedule, slot, now));
    return now;
  }
  set_next(e, following);
  return slot;
}

std::vector<DueRun> Scheduler::take_due() {
  const TimePoint now = clock_.now();
  std::vector<DueRun> due;
  for (auto& [name, e] : entries_) {
    std::optional<TimePoint> slot;
    bool catch_up = false;
    if (e.next_slot && e.fire_at <= now) {
      catch_up = e.catch_up;
      slot = advance(e, now);
    }
    if (e.running) {
      if (!slot) continue;
      if (e.schedule.overlap == Schedule::Overlap::queue) {
        if (e.queued_slot) ++e.skipped;  // one run is queued already: it serves this slot too
        e.queued_slot = slot;
      } else {
        ++e.skipped;
      }
      continue;
    }
    bool queued = false;
    if (e.queued_slot) {
      queued = !slot;  // a slot due right now supersedes the queued one
      if (!slot) slot = e.queued_slot;
      e.queued_slot.reset();
    }
    if (!slot) continue;
    e.running = true;
    e.running_slot = *slot;
    due.push_back({name, *slot, catch_up, queued});
  }
  return due;
}

void Scheduler::finished(const std::string& pipeline, bool completed) {
  auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.first == pipeline; });
  if (it == entries_.end()) return;  // removed by a reload while it ran
  Entry& e = it->second;
  e.running = false;
  if (completed && e.schedule.kind != Schedule::Kind::once) store_.save(pipeline, e.running_slot);
}

std::optional<TimePoint> Scheduler::next_wakeup() const {
  std::optional<TimePoint> earliest;
  for (const auto& [name, e] : entries_) {
    std::optional<TimePoint> t;
    if (e.queued_slot && !e.running)
      t = clock_.now();
    else if (e.next_slot)
      t = e.fire_at;
    if (t && (!earliest || *t < *earliest)) earliest = t;
  }
  return earliest;
}

std::optional<PipelineTiming> Scheduler::timing(const std::string& pipeline) const {
  for (const auto& [name, e] : entries_) {
    if (name != pipeline) continue;
    PipelineTiming t;
    t.running = e.running;
    t.queued = e.queued_slot.has_value();
    t.skipped = e.skipped;
    if (e.next_slot) t.next_run = e.fire_at;
    return t;
  }
  return std::nullopt;
}

}  // namespace sluice::host::schedule
