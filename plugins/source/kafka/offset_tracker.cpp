#include "offset_tracker.hpp"

#include <algorithm>

namespace sluice::plugins::kafka {

void OffsetTracker::assign(const TopicPartition& tp) { owned_[tp] = Owned{next_epoch_++, -1, -1, -1}; }

std::optional<CommitOffset> OffsetTracker::revoke(const TopicPartition& tp) {
  auto it = owned_.find(tp);
  if (it == owned_.end()) return std::nullopt;
  std::optional<CommitOffset> out;
  if (it->second.safe > it->second.committed) out = CommitOffset{tp, it->second.safe + 1};
  owned_.erase(it);
  // Its pending deliveries stay queued (the host still acknowledges them in
  // order); their epoch no longer matches, so they change nothing.
  return out;
}

std::uint64_t OffsetTracker::delivered(const TopicPartition& tp, std::int64_t offset) {
  const auto it = owned_.find(tp);
  const std::uint64_t epoch = it == owned_.end() ? 0 : it->second.epoch;  // 0: never committed
  pending_.push_back({next_sequence_, tp, epoch, offset});
  return next_sequence_++;
}

void OffsetTracker::acknowledged(std::uint64_t sequence) {
  for (auto& [tp, o] : owned_) o.safe = std::max(o.safe, o.acked);
  while (!pending_.empty() && pending_.front().sequence <= sequence) {
    const auto& p = pending_.front();
    if (auto it = owned_.find(p.tp); it != owned_.end() && it->second.epoch == p.epoch)
      it->second.acked = std::max(it->second.acked, p.offset);
    pending_.pop_front();
  }
}

void OffsetTracker::finish() {
  for (auto& [tp, o] : owned_) o.safe = std::max(o.safe, o.acked);
}

std::vector<CommitOffset> OffsetTracker::committable() const {
  std::vector<CommitOffset> out;
  for (const auto& [tp, o] : owned_)
    if (o.safe > o.committed) out.push_back({tp, o.safe + 1});
  return out;
}

void OffsetTracker::committed(const std::vector<CommitOffset>& offsets) {
  for (const auto& c : offsets)
    if (auto it = owned_.find(c.tp); it != owned_.end())
      it->second.committed = std::max(it->second.committed, c.offset - 1);
}

}  // namespace sluice::plugins::kafka
