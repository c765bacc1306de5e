// The `kafka_sink` stage: every article's canonical JSON produced to one
// topic, keyed by article id, by an idempotent producer (acks=all). A batch
// is acknowledged only once every one of its messages has a successful
// delivery report.
#pragma once

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kafka_handle.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::kafka {

class KafkaSink final : public sdk::Sink {
 public:
  // Creates the producer; connecting happens in the background, so this
  // never waits for a broker. Throws sdk::StageError on a bad option or
  // librdkafka property.
  explicit KafkaSink(const sdk::StageInit& init);
  ~KafkaSink() override;
  KafkaSink(const KafkaSink&) = delete;
  KafkaSink& operator=(const KafkaSink&) = delete;

  // Produces the batch and waits (up to flush_timeout) for every delivery
  // report. Throws sdk::StageError naming the topic and the first article
  // that failed; the host retries the whole batch.
  void write(std::span<const sdk::Article> batch) override;
  void close() override;

 private:
  static void on_delivery(rd_kafka_t* rk, const rd_kafka_message_t* msg, void* opaque);
  void create_producer();
  void destroy_producer();
  void produce(const sdk::Article& article, std::uint64_t number);

  std::string brokers_, topic_;
  sdk::Value properties_;
  std::chrono::milliseconds flush_timeout_;

  rd_kafka_t* rk_ = nullptr;
  // Delivery reports of the current batch, by message number. A report for
  // a number outside [first_, first_ + results_.size()) belongs to a batch
  // given up earlier and is ignored.
  std::uint64_t next_number_ = 0, first_ = 0;
  std::vector<rd_kafka_resp_err_t> results_;
  std::size_t reported_ = 0;
  std::string json_;  // reused across articles
};

}  // namespace sluice::plugins::kafka
