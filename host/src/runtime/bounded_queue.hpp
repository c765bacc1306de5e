// A blocking multi-producer multi-consumer queue with a fixed capacity: a
// full queue blocks its producers, which is the pipeline's backpressure.
//
// What costs at this scale is not the lock (an uncontended mutex is tens of
// nanoseconds against microseconds of work per document) but putting
// threads to sleep and waking them: a plain queue wakes the producer on
// every pop of a full queue and the consumer on every push to an empty one,
// two context switches per document. Wake-ups here come in batches instead:
//  - a producer that found the queue full sleeps until it has drained to
//    half (low water), then fills it again without sleeping;
//  - a consumer that found it empty sleeps until `wake_at` items have
//    gathered, or `gather` has passed since the first one arrived, so a
//    slow trickle is still handed on promptly.
// moodycamel's concurrentqueue (Debian's libconcurrentqueue-dev) was
// considered: it has no blocking push at a bound, no close(), and its
// semaphores spin before sleeping, which on a small busy machine takes the
// core the producer needs; the wake-up policy is what matters here.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace sluice::host::detail {

template <class T>
class BoundedQueue {
 public:
  using Clock = std::chrono::steady_clock;

  BoundedQueue(std::size_t capacity, std::size_t wake_at, std::chrono::microseconds gather)
      : capacity_(std::max<std::size_t>(capacity, 1)),
        low_water_(capacity_ / 2),
        wake_at_(std::clamp<std::size_t>(wake_at, 1, capacity_)),
        gather_(gather) {}

  // Blocks while full. Returns false (and drops nothing: the item is left
  // with the caller) once the queue is closed.
  bool push(T& item) {
    std::unique_lock lock(mu_);
    if (items_.size() >= capacity_ && !closed_) {
      ++producers_waiting_;
      not_full_.wait(lock, [&] { return items_.size() <= low_water_ || closed_; });
      --producers_waiting_;
    }
    if (closed_) return false;
    items_.push_back(std::move(item));
    // The first item starts a waiting consumer's gather time; wake_at items
    // end it early.
    const bool wake = consumers_waiting_ > 0 && (items_.size() == 1 || items_.size() == wake_at_);
    lock.unlock();
    if (wake) not_empty_.notify_one();
    return true;
  }

  // One item; blocks until one is there (see the gathering above). Empty
  // once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mu_);
    if (items_.empty()) wait_for_items(lock, Clock::time_point::max());
    if (items_.empty()) return std::nullopt;
    std::optional<T> out(std::move(items_.front()));
    items_.pop_front();
    release_producers(lock, items_.size() + 1);
    return out;
  }

  // Moves up to `max` items into `out`, after waiting while the queue is
  // open and holds fewer than wake_at items, but not past `until`: an empty
  // result means the time passed, or the queue is closed and drained().
  std::size_t pop_bulk(std::vector<T>& out, std::size_t max, Clock::time_point until) {
    std::unique_lock lock(mu_);
    if (items_.size() < wake_at_ && !closed_) {
      ++consumers_waiting_;
      not_empty_.wait_until(lock, until, [&] { return items_.size() >= wake_at_ || closed_; });
      --consumers_waiting_;
    }
    const std::size_t n = std::min(max, items_.size());
    const std::size_t before = items_.size();
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(std::move(items_.front()));
      items_.pop_front();
    }
    if (n > 0) release_producers(lock, before);
    return n;
  }

  // Blocks until the queue holds an item (gathering as pop() does), or is
  // closed and drained: then returns false.
  bool wait_not_empty() {
    std::unique_lock lock(mu_);
    if (items_.empty()) wait_for_items(lock, Clock::time_point::max());
    return !items_.empty();
  }

  // No more pushes; consumers drain what is left, then pop() returns empty.
  void close() {
    {
      std::lock_guard lock(mu_);
      closed_ = true;
    }
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  bool drained() const {
    std::lock_guard lock(mu_);
    return closed_ && items_.empty();
  }

  std::size_t size() const {
    std::lock_guard lock(mu_);
    return items_.size();
  }

  // Threads asleep in push() and in pop()/pop_bulk()/wait_not_empty().
  std::size_t producers_waiting() const {
    std::lock_guard lock(mu_);
    return producers_waiting_;
  }
  std::size_t consumers_waiting() const {
    std::lock_guard lock(mu_);
    return consumers_waiting_;
  }

 private:
  // Sleeps until an item arrives, then up to gather_ more for wake_at.
  void wait_for_items(std::unique_lock<std::mutex>& lock, Clock::time_point until) {
    ++consumers_waiting_;
    not_empty_.wait_until(lock, until, [&] { return !items_.empty() || closed_; });
    if (!closed_ && !items_.empty() && items_.size() < wake_at_) {
      not_empty_.wait_for(lock, gather_, [&] { return items_.size() >= wake_at_ || closed_; });
    }
    --consumers_waiting_;
    // Another consumer may be left asleep with items queued: hand it on.
    if (consumers_waiting_ > 0 && items_.size() > 1) not_empty_.notify_one();
  }

  // Wakes the producers when the queue drains past low water: once per
  // drain, not on every pop below it. Each crossing wakes them again, so a
  // producer that woke to find the queue refilled by another is not lost.
  void release_producers(std::unique_lock<std::mutex>& lock, std::size_t before) {
    const bool wake = producers_waiting_ > 0 && before > low_water_ && items_.size() <= low_water_;
    lock.unlock();
    if (wake) not_full_.notify_all();
  }

  const std::size_t capacity_, low_water_, wake_at_;
  const std::chrono::microseconds gather_;
  mutable std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  std::size_t producers_waiting_ = 0, consumers_waiting_ = 0;
  bool closed_ = false;
};

}  // namespace sluice::host::detail
