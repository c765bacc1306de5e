// Notices stage calls that run past their configured time limit. Each
// thread that calls stages owns one slot; the watchdog thread scans the
// slots. A stage call cannot be cancelled in C++, so the run is ended
// around it and its thread abandoned (RunReport::hung).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sluice::host::detail {

class CallWatchdog {
 public:
  struct Slot {
    std::mutex mu;
    bool busy = false;
    std::chrono::steady_clock::time_point since;
    std::int64_t limit_ms = 0;
    std::string stage, item;
    bool fired = false;  // the call in this slot overran
  };

  // `on_overrun(stage, item, limit_ms)` is called once, from the watchdog thread.
  CallWatchdog(std::size_t slots, std::function<void(const Slot&)> on_overrun)
      : slots_(slots), on_overrun_(std::move(on_overrun)) {}
  ~CallWatchdog() { stop(); }

  void start() {
    thread_ = std::thread([this] { watch(); });
  }
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  // RAII marker around one stage call; costs nothing when limit_ms is 0.
  class Call {
   public:
    Call(CallWatchdog* w, std::size_t slot, std::int64_t limit_ms, const std::string& stage,
         const std::string& item)
        : slot_(w && limit_ms > 0 ? &w->slots_[slot] : nullptr) {
      if (!slot_) return;
      std::lock_guard lock(slot_->mu);
      slot_->busy = true;
      slot_->since = std::chrono::steady_clock::now();
      slot_->limit_ms = limit_ms;
      slot_->stage = stage;
      slot_->item = item;
    }
    ~Call() {
      if (!slot_) return;
      std::lock_guard lock(slot_->mu);
      slot_->busy = false;
    }
    Call(const Call&) = delete;
    Call& operator=(const Call&) = delete;

   private:
    Slot* slot_;
  };

  bool slot_fired(std::size_t slot) {
    std::lock_guard lock(slots_[slot].mu);
    return slots_[slot].fired;
  }

 private:
  void watch() {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      cv_.wait_for(lock, std::chrono::milliseconds(50));
      const auto now = std::chrono::steady_clock::now();
      for (auto& s : slots_) {
        std::lock_guard slot_lock(s.mu);
        if (!s.busy || s.fired || now - s.since < std::chrono::milliseconds(s.limit_ms)) continue;
        s.fired = true;
        on_overrun_(s);
      }
    }
  }

  std::vector<Slot> slots_;
  std::function<void(const Slot&)> on_overrun_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sluice::host::detail
