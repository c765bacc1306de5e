// Which Kafka offsets may be committed, given the host's acknowledgements.
//
// The host acknowledges a prefix of the delivery order ("every document up
// to and including number N is stored by every sink"). This class maps that
// back to one offset per partition. Offsets are committed one
// acknowledgement late: the host writes its own checkpoint (and a JSONL
// sink's commit position) in a state transaction that commits only after
// acknowledge() returns, so committing to Kafka at once would let a crash in
// between skip a batch that the JSONL sink then cuts off again. By the next
// acknowledge() (or the end of the run) that transaction is done.
//
// Partitions are tracked per assignment: after a revoke, acknowledgements of
// documents read before it are ignored, because the partition's new owner
// reads them again from the last committed offset (at-least-once).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sluice::plugins::kafka {

struct TopicPartition {
  std::string topic;
  std::int32_t partition = 0;
  friend auto operator<=>(const TopicPartition&, const TopicPartition&) = default;
};

// An offset to commit: the next one the group should read.
struct CommitOffset {
  TopicPartition tp;
  std::int64_t offset = 0;
};

class OffsetTracker {
 public:
  // A partition was assigned to this consumer (a new ownership epoch).
  void assign(const TopicPartition& tp);
  // The partition was taken away; returns what is safe to commit for it
  // first (acknowledged in an earlier call and not yet committed).
  std::optional<CommitOffset> revoke(const TopicPartition& tp);
  bool owns(const TopicPartition& tp) const { return owned_.count(tp) != 0; }

  // A message was handed to the host; returns its delivery number.
  std::uint64_t delivered(const TopicPartition& tp, std::int64_t offset);

  // The host acknowledged every delivery up to and including `sequence`.
  // What an earlier call acknowledged becomes safe to commit.
  void acknowledged(std::uint64_t sequence);
  // The run is over: the host's last state transaction is done, so the
  // latest acknowledgement is safe too.
  void finish();

  // Offsets safe to commit and not committed yet, one per owned partition.
  std::vector<CommitOffset> committable() const;
  void committed(const std::vector<CommitOffset>& offsets);

  std::size_t in_flight() const { return pending_.size(); }

 private:
  struct Owned {
    std::uint64_t epoch = 0;
    std::int64_t acked = -1;      // highest offset acknowledged in the latest call
    std::int64_t safe = -1;       // highest offset acknowledged in an earlier call
    std::int64_t committed = -1;  // highest offset whose commit succeeded
  };
  struct Pending {
    std::uint64_t sequence;
    TopicPartition tp;
    std::uint64_t epoch;
    std::int64_t offset;
  };

  std::map<TopicPartition, Owned> owned_;
  std::deque<Pending> pending_;  // delivered, not yet acknowledged, in delivery order
  std::uint64_t next_sequence_ = 0;
  std::uint64_t next_epoch_ = 1;
};

}  // namespace sluice::plugins::kafka
