// The `kafka_source` stage: a member of a Kafka consumer group that hands
// each message to the host as one raw document and commits offsets only for
// what every sink has stored (see offset_tracker.hpp).
#pragma once

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "offset_tracker.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::kafka {

class KafkaSource final : public sdk::Source {
 public:
  // Creates the consumer and subscribes; joining the group happens in the
  // background, so this never waits for a broker. Throws sdk::StageError on
  // a bad option or librdkafka property.
  explicit KafkaSource(const sdk::StageInit& init);
  // Commits what the last acknowledgement covered, then leaves the group.
  ~KafkaSource() override;
  KafkaSource(const KafkaSource&) = delete;
  KafkaSource& operator=(const KafkaSource&) = delete;

  // The next message of an assigned partition. Returns false (the run is
  // over) with stop_at_end once every assigned partition has been read to
  // its end and nothing new arrived for idle_timeout.
  bool next(sdk::RawDocument& out) override;
  // `cursor` is a delivery number from next(): commits, per partition, the
  // offsets an earlier acknowledgement made safe. May run on another thread
  // while next() waits (the plugin declares SLUICE_PLUGIN_FLAG_THREAD_SAFE).
  void acknowledge(std::string_view cursor) override;
  // A stop: next() returns false within one poll (rd_kafka_yield wakes the
  // poll in progress), without waiting for a message or stop_at_end. What
  // was not acknowledged is read again by the next run.
  void interrupt() override;

 private:
  using Clock = std::chrono::steady_clock;

  static void on_rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                           rd_kafka_topic_partition_list_t* partitions, void* opaque);
  void rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions);
  static void on_committed(rd_kafka_t* rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* offsets,
                           void* opaque);
  // Commits tracker_.committable(); a failure is logged and retried later.
  void commit_safe_offsets();
  void commit(const std::vector<CommitOffset>& offsets);
  // With stop_at_end: the partitions stayed drained for idle_timeout, or no
  // assignment can be expected any more.
  bool run_is_over();
  bool drained() const;  // every assigned partition is at its end
  // A consumer error event: fatal ones throw, others are logged (once per kind).
  void consumer_error(const rd_kafka_message_t& msg);
  void warn(const std::string& message);
  void info(const std::string& message);

  std::string brokers_;
  std::vector<std::string> topics_;
  std::string content_type_;
  bool stop_at_end_;
  std::chrono::milliseconds idle_timeout_, join_timeout_;
  sdk::Log* log_;

  rd_kafka_t* rk_ = nullptr;
  std::mutex mu_;  // tracker_ and the partition sets: next() and acknowledge() may run on two threads
  OffsetTracker tracker_;
  std::set<TopicPartition> assigned_, at_end_;
  Clock::time_point last_activity_;  // last message or assignment change
  // Until the group's first assignment, and after a revoke until the next
  // one, the run waits up to join_timeout: a member that crashed holds its
  // partitions until its session times out.
  bool awaiting_assignment_ = true;
  bool topics_missing_ = false;  // the brokers said a subscribed topic does not exist
  std::set<rd_kafka_resp_err_t> reported_;
  std::atomic<bool> interrupted_{false};
};

}  // namespace sluice::plugins::kafka
