#include "kafka_source.hpp"

#include <cstring>
#include <memory>

#include "kafka_handle.hpp"
#include "message_document.hpp"

namespace sluice::plugins::kafka {
namespace {

// How long one consumer poll waits: short, so the idle check stays timely.
constexpr int kPollMs = 100;

struct MessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};

TopicPartition key_of(const rd_kafka_topic_partition_t& p) { return {p.topic, p.partition}; }

// "news/0, news/3" for log lines.
std::string describe(const rd_kafka_topic_partition_list_t& list) {
  std::string out;
  for (int i = 0; i < list.cnt; ++i) {
    if (i > 0) out += ", ";
    out += list.elems[i].topic + std::string("/") + std::to_string(list.elems[i].partition);
  }
  return out.empty() ? "no partitions" : out;
}

bool unknown_topic(rd_kafka_resp_err_t err) {
  return err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || err == RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC ||
         err == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION;
}

std::uint64_t parse_cursor(std::string_view cursor) {
  std::uint64_t n = 0;
  if (cursor.empty()) throw sdk::StageError("empty acknowledgement cursor");
  for (char c : cursor) {
    if (c < '0' || c > '9')
      throw sdk::StageError("not a kafka_source cursor: \"" + std::string(cursor) + "\"");
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

}  // namespace

KafkaSource::KafkaSource(const sdk::StageInit& init)
    : brokers_(init.options.string("brokers")),
      topics_(init.options.strings("topics")),
      content_type_(init.options.string("content_type")),
      stop_at_end_(init.options.boolean("stop_at_end")),
      idle_timeout_(init.options.duration("idle_timeout")),
      join_timeout_(init.options.duration("join_timeout")),
      log_(init.log),
      last_activity_(Clock::now()) {
  const auto& group = init.options.string("group");
  if (group.empty()) throw sdk::StageError("`group` is empty: name the consumer group");
  if (topics_.empty()) throw sdk::StageError("`topics` is empty: name at least one topic");
  for (const auto& t : topics_)
    if (t.empty()) throw sdk::StageError("`topics` holds an empty topic name");

  auto conf = make_conf(brokers_, init.options.value("properties"),
                        // Defaults a user may change: a new group reads a
                        // topic from its start, as a batch pipeline expects.
                        {{"auto.offset.reset", "earliest"}},
                        // What the delivery guarantee rests on.
                        {{"group.id", group.c_str()},
                         {"enable.auto.commit", "false"},
                         {"enable.auto.offset.store", "false"},
                         {"enable.partition.eof", "true"}});
  rd_kafka_conf_set_rebalance_cb(conf.get(), &KafkaSource::on_rebalance);
  rd_kafka_conf_set_offset_commit_cb(conf.get(), &KafkaSource::on_committed);
  rd_kafka_conf_set_opaque(conf.get(), this);
  rk_ = make_client(RD_KAFKA_CONSUMER, std::move(conf), brokers_);
  rd_kafka_poll_set_consumer(rk_);

  PartitionListPtr subscription(rd_kafka_topic_partition_list_new(static_cast<int>(topics_.size())));
  for (const auto& t : topics_)
    rd_kafka_topic_partition_list_add(subscription.get(), t.c_str(), RD_KAFKA_PARTITION_UA);
  if (const auto err = rd_kafka_subscribe(rk_, subscription.get()); err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    rd_kafka_destroy(rk_);
    throw sdk::StageError("cannot subscribe to the topics on " + brokers_ + ": " + error_text(err));
  }
}

KafkaSource::~KafkaSource() {
  {
    // The host's last state transaction is over once the stage is destroyed.
    std::lock_guard lock(mu_);
    tracker_.finish();
    commit_safe_offsets();
  }
  // Waits for the commits in flight, then leaves the group (the revoke in
  // on_rebalance commits nothing new).
  rd_kafka_consumer_close(rk_);
  rd_kafka_destroy(rk_);
}

bool KafkaSource::next(sdk::RawDocument& out) {
  for (;;) {
    if (interrupted_) return false;
    std::unique_ptr<rd_kafka_message_t, MessageDeleter> msg(rd_kafka_consumer_poll(rk_, kPollMs));
    if (!msg) {
      if (stop_at_end_ && run_is_over()) return false;
      continue;
    }
    if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      std::lock_guard lock(mu_);
      if (msg->rkt) {
        const TopicPartition tp{rd_kafka_topic_name(msg->rkt), msg->partition};
        if (assigned_.count(tp)) at_end_.insert(tp);
      }
      continue;
    }
    if (msg->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      consumer_error(*msg);
      continue;
    }
    message_to_document(*msg, content_type_, out);
    std::lock_guard lock(mu_);
    const TopicPartition tp{rd_kafka_topic_name(msg->rkt), msg->partition};
    at_end_.erase(tp);
    last_activity_ = Clock::now();
    out.cursor = std::to_string(tracker_.delivered(tp, msg->offset));
    return true;
  }
}

void KafkaSource::interrupt() {
  interrupted_ = true;
  // The main queue is forwarded to the consumer queue (poll_set_consumer),
  // so this wakes a consumer_poll() that is waiting; the flag covers the
  // moment before or between polls.
  rd_kafka_yield(rk_);
}

void KafkaSource::acknowledge(std::string_view cursor) {
  const auto sequence = parse_cursor(cursor);
  std::lock_guard lock(mu_);
  tracker_.acknowledged(sequence);
  commit_safe_offsets();
}

bool KafkaSource::run_is_over() {
  std::lock_guard lock(mu_);
  const auto now = Clock::now();
  if (awaiting_assignment_ && !topics_missing_) {
    // The group has not formed yet, or is rebalancing after a revoke (a new
    // group waits a few seconds for more members; a crashed member is
    // waited for until its session ends). Empty-handed is not drained.
    if (now - last_activity_ < join_timeout_) return false;
    warn("the consumer group gave this consumer no assignment within join_timeout (" +
         std::to_string(join_timeout_.count()) + " ms; brokers " + brokers_ + "); the run ends");
    return true;
  }
  if (!drained() || now - last_activity_ < idle_timeout_) return false;
  if (assigned_.empty()) warn("no partition of the topics is assigned to this consumer; the run ends");
  return true;
}

bool KafkaSource::drained() const {
  for (const auto& tp : assigned_)
    if (!at_end_.count(tp)) return false;
  return true;
}

void KafkaSource::commit_safe_offsets() { commit(tracker_.committable()); }

void KafkaSource::commit(const std::vector<CommitOffset>& offsets) {
  if (offsets.empty()) return;
  PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())));
  for (const auto& c : offsets)
    rd_kafka_topic_partition_list_add(list.get(), c.tp.topic.c_str(), c.tp.partition)->offset = c.offset;
  // Asynchronous: a synchronous commit would hold mu_ (and with it next()
  // and the rebalance callback) for a broker round trip, and during a
  // rebalance wait for a poll that cannot come while mu_ is held.
  // on_committed() records the result (served by the next poll), and
  // consumer_close() waits for commits still in flight.
  if (const auto err = rd_kafka_commit(rk_, list.get(), 1); err != RD_KAFKA_RESP_ERR_NO_ERROR)
    warn("committing offsets to " + brokers_ + " failed, will retry: " + error_text(err));
}

void KafkaSource::on_committed(rd_kafka_t*, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* offsets,
                               void* opaque) {
  auto& self = *static_cast<KafkaSource*>(opaque);
  std::vector<CommitOffset> done;
  rd_kafka_resp_err_t failed = err;
  for (int i = 0; offsets && i < offsets->cnt; ++i) {
    const auto& p = offsets->elems[i];
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR && p.err == RD_KAFKA_RESP_ERR_NO_ERROR)
      done.push_back({key_of(p), p.offset});
    else if (failed == RD_KAFKA_RESP_ERR_NO_ERROR)
      failed = p.err;
  }
  std::lock_guard lock(self.mu_);
  self.tracker_.committed(done);
  // Not fatal: the offsets stay safe and go with the next commit; if none
  // succeeds, the messages are delivered again (at-least-once).
  if (failed != RD_KAFKA_RESP_ERR_NO_ERROR && failed != RD_KAFKA_RESP_ERR__NO_OFFSET)
    self.warn("committing offsets to " + self.brokers_ + " failed, will retry: " + error_text(failed));
}

void KafkaSource::on_rebalance(rd_kafka_t*, rd_kafka_resp_err_t err,
                               rd_kafka_topic_partition_list_t* partitions, void* opaque) {
  static_cast<KafkaSource*>(opaque)->rebalance(err, partitions);
}

void KafkaSource::rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions) {
  const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk_), "COOPERATIVE") == 0;
  std::lock_guard lock(mu_);
  last_activity_ = Clock::now();
  // Eager and cooperative protocols alike follow a revoke with an
  // assignment (possibly empty) once the group has rebalanced.
  awaiting_assignment_ = err != RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS;
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    info("assigned " + describe(*partitions));
    for (int i = 0; i < partitions->cnt; ++i) {
      const auto tp = key_of(partitions->elems[i]);
      tracker_.assign(tp);
      assigned_.insert(tp);
      at_end_.erase(tp);
    }
    rd_kafka_error_t* error = nullptr;
    rd_kafka_resp_err_t failed = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (cooperative)
      error = rd_kafka_incremental_assign(rk_, partitions);
    else
      failed = rd_kafka_assign(rk_, partitions);
    if (error) {
      warn(std::string("assigning partitions failed: ") + rd_kafka_error_string(error));
      rd_kafka_error_destroy(error);
    } else if (failed != RD_KAFKA_RESP_ERR_NO_ERROR) {
      warn("assigning partitions failed: " + error_text(failed));
    }
    return;
  }
  // Revoked (or lost): commit what is safe for those partitions, then stop
  // reading them. Their unacknowledged messages are left to the new owner,
  // which reads them again from the committed offset.
  info("revoked " + describe(*partitions));
  std::vector<CommitOffset> last;
  for (int i = 0; i < partitions->cnt; ++i) {
    const auto tp = key_of(partitions->elems[i]);
    if (auto c = tracker_.revoke(tp)) last.push_back(*c);
    assigned_.erase(tp);
    at_end_.erase(tp);
  }
  // A lost assignment (this member was evicted) cannot commit any more.
  if (!rd_kafka_assignment_lost(rk_)) commit(last);
  if (cooperative) {
    if (auto* error = rd_kafka_incremental_unassign(rk_, partitions)) rd_kafka_error_destroy(error);
  } else {
    rd_kafka_assign(rk_, nullptr);
  }
}

void KafkaSource::consumer_error(const rd_kafka_message_t& msg) {
  char reason[512];
  if (const auto fatal = rd_kafka_fatal_error(rk_, reason, sizeof reason);
      fatal != RD_KAFKA_RESP_ERR_NO_ERROR)
    throw sdk::StageError("the Kafka consumer for " + brokers_ + " failed for good: " + reason);
  std::lock_guard lock(mu_);
  if (unknown_topic(msg.err)) topics_missing_ = true;  // nothing to wait for
  // Brokers going away and coming back are routine: librdkafka reconnects
  // by itself. Say so once per kind of error rather than on every poll.
  if (!reported_.insert(msg.err).second) return;
  std::string where = msg.rkt ? " (topic " + std::string(rd_kafka_topic_name(msg.rkt)) + ")" : "";
  warn("consumer error from " + brokers_ + where + ": " + rd_kafka_message_errstr(&msg));
}

void KafkaSource::warn(const std::string& message) {
  if (log_) log_->warn(message);
}

void KafkaSource::info(const std::string& message) {
  if (log_) log_->info(message);
}

}  // namespace sluice::plugins::kafka
