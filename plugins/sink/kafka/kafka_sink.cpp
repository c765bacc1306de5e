#include "kafka_sink.hpp"

#include <algorithm>
#include <cstdint>

#include "sluice/sdk/json.hpp"

namespace sluice::plugins::kafka {
namespace {

constexpr const char* kContentType = "application/json";
// No report yet: the end marker of librdkafka's internal codes, never a real result.
constexpr auto kPending = RD_KAFKA_RESP_ERR__END;

}  // namespace

KafkaSink::KafkaSink(const sdk::StageInit& init)
    : brokers_(init.options.string("brokers")),
      topic_(init.options.string("topic")),
      properties_(init.options.value("properties")),
      flush_timeout_(init.options.duration("flush_timeout")) {
  if (topic_.empty()) throw sdk::StageError("`topic` is empty: name the topic to produce to");
  if (flush_timeout_.count() <= 0) throw sdk::StageError("`flush_timeout` must be positive");
  create_producer();
}

KafkaSink::~KafkaSink() { destroy_producer(); }

void KafkaSink::create_producer() {
  auto conf = make_conf(brokers_, properties_, {{"linger.ms", "5"}},
                        // An idempotent producer with acks=all: a broker
                        // failover neither loses nor duplicates a message
                        // the producer retries on its own.
                        {{"enable.idempotence", "true"}, {"acks", "all"}});
  rd_kafka_conf_set_dr_msg_cb(conf.get(), &KafkaSink::on_delivery);
  rd_kafka_conf_set_opaque(conf.get(), this);
  rk_ = make_client(RD_KAFKA_PRODUCER, std::move(conf), brokers_);
}

void KafkaSink::destroy_producer() {
  if (!rk_) return;
  // Anything still queued belongs to a batch that was never acknowledged:
  // the host delivers it again, so do not wait for it here.
  rd_kafka_purge(rk_, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
  rd_kafka_flush(rk_, 1000);
  rd_kafka_destroy(rk_);
  rk_ = nullptr;
}

void KafkaSink::on_delivery(rd_kafka_t*, const rd_kafka_message_t* msg, void* opaque) {
  auto& self = *static_cast<KafkaSink*>(opaque);
  const auto number = reinterpret_cast<std::uintptr_t>(msg->_private);
  if (number < self.first_ || number >= self.first_ + self.results_.size()) return;  // an abandoned batch
  auto& slot = self.results_[number - self.first_];
  if (slot == kPending) ++self.reported_;
  slot = msg->err;
}

void KafkaSink::produce(const sdk::Article& article, std::uint64_t number) {
  json_.clear();
  sdk::json::append_article(json_, article);
  for (;;) {
    const auto err = rd_kafka_producev(
        rk_, RD_KAFKA_V_TOPIC(topic_.c_str()), RD_KAFKA_V_KEY(article.id.data(), article.id.size()),
        RD_KAFKA_V_VALUE(json_.data(), json_.size()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_HEADER("content-type", kContentType, -1),
        RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(static_cast<std::uintptr_t>(number))), RD_KAFKA_V_END);
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return;
    if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
      throw sdk::StageError("cannot produce article " + article.id + " to topic " + topic_ + ": " +
                            error_text(err));
    rd_kafka_poll(rk_, 100);  // the local queue is full: let deliveries drain it
  }
}

void KafkaSink::write(std::span<const sdk::Article> batch) {
  if (batch.empty()) return;
  // A producer that hit a fatal (idempotence) error cannot be used again;
  // the host's retry gets a fresh one.
  if (!rk_) create_producer();
  first_ = next_number_;
  next_number_ += batch.size();
  results_.assign(batch.size(), kPending);
  reported_ = 0;
  const auto give_up = [&](const std::string& why) {
    first_ = next_number_;  // later reports of this batch are ignored
    results_.clear();
    char reason[512];
    if (rd_kafka_fatal_error(rk_, reason, sizeof reason) != RD_KAFKA_RESP_ERR_NO_ERROR) destroy_producer();
    throw sdk::StageError(why);
  };
  try {
    for (std::size_t i = 0; i < batch.size(); ++i) produce(batch[i], first_ + i);
  } catch (const sdk::StageError& e) {
    give_up(e.what());
  }
  const auto deadline = std::chrono::steady_clock::now() + flush_timeout_;
  while (reported_ < results_.size()) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      std::size_t first_missing = 0;
      while (results_[first_missing] != kPending) ++first_missing;
      give_up(std::to_string(results_.size() - reported_) + " of " + std::to_string(results_.size()) +
              " messages to topic " + topic_ + " got no delivery report from " + brokers_ + " within " +
              std::to_string(flush_timeout_.count()) + " ms (the first: article " + batch[first_missing].id +
              ")");
    }
    rd_kafka_flush(rk_, static_cast<int>(std::min<std::int64_t>(left.count(), 200)));
  }
  for (std::size_t i = 0; i < batch.size(); ++i)
    if (results_[i] != RD_KAFKA_RESP_ERR_NO_ERROR)
      give_up("article " + batch[i].id + " was not stored in topic " + topic_ + ": " +
              error_text(results_[i]));
}

void KafkaSink::close() {
  if (rk_) rd_kafka_flush(rk_, static_cast<int>(flush_timeout_.count()));
}

}  // namespace sluice::plugins::kafka
