// Turns out-of-order completions into in-order acknowledgements: a source's
// checkpoint may only move past document N once documents 1..N are all
// stored by every sink, whatever order the workers finished them in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace sluice::host::detail {

class CheckpointTracker {
 public:
  // Document `seq` (numbered from 0 in delivery order) is fully stored.
  // Returns the cursor of the furthest document that can now be
  // acknowledged, if the contiguous prefix grew.
  std::optional<std::string> complete(std::uint64_t seq, std::string cursor) {
    done_.emplace(seq, std::move(cursor));
    std::optional<std::string> advanced;
    for (auto it = done_.begin(); it != done_.end() && it->first == next_; it = done_.erase(it)) {
      advanced = std::move(it->second);
      ++next_;
    }
    return advanced;
  }

  std::uint64_t acknowledged() const { return next_; }  // documents acknowledged so far
  std::size_t pending() const { return done_.size(); }  // completed but waiting for a gap

 private:
  std::uint64_t next_ = 0;
  std::map<std::uint64_t, std::string> done_;
};

}  // namespace sluice::host::detail
