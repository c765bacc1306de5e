// Byte buffers handed back by the workers to the sources: a source reads the
// next document into a buffer a finished document was read into, instead of
// allocating one per document on its thread that a worker thread then frees
// (a cross-thread free takes the allocating thread's arena lock).
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace sluice::host::detail {

class BufferPool {
 public:
  // Keeps at most `max_buffers` buffers of at most `max_bytes` capacity each:
  // one huge document must not pin its memory for the rest of the run.
  BufferPool(std::size_t max_buffers, std::size_t max_bytes)
      : max_buffers_(max_buffers), max_bytes_(max_bytes) {}

  // Gives `out` a spare buffer's capacity, if there is one; `out` is empty.
  void take(std::string& out) {
    {
      std::lock_guard lock(mu_);
      if (!spare_.empty()) {
        out.swap(spare_.back());
        spare_.pop_back();
      }
    }
    out.clear();
  }

  // Keeps `buffer` for a later take(), or leaves it to its owner to free.
  void give(std::string& buffer) {
    if (buffer.capacity() > max_bytes_) return;
    std::lock_guard lock(mu_);
    if (spare_.size() < max_buffers_) spare_.push_back(std::move(buffer));
  }

 private:
  const std::size_t max_buffers_, max_bytes_;
  std::mutex mu_;
  std::vector<std::string> spare_;
};

}  // namespace sluice::host::detail
