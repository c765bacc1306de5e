// The tests' own Kafka clients (plain librdkafka, no sluice code): produce
// messages and wait for every delivery report; read a whole topic back.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kafka_test {

struct Message {
  std::string key, value;
  std::map<std::string, std::string> headers;
  std::int32_t partition = -1;  // where it landed (filled by produce / consume)
  std::int64_t offset = -1;
};

// Produces every message to `topic` (partitioned by key) with acks=all and
// waits until each one is acknowledged; fills in partition and offset.
// Throws naming the first message that failed.
void produce(const std::string& bootstrap, const std::string& topic, std::vector<Message>& messages);

// Every message of every partition of `topic`, read from the start to the
// current end without a consumer group. Throws on an error or when the end
// is not reached within `timeout`.
std::vector<Message> consume_all(const std::string& bootstrap, const std::string& topic,
                                 std::chrono::seconds timeout = std::chrono::seconds(120));

// The group's committed offset per partition (-1: none).
std::map<std::int32_t, std::int64_t> committed_offsets(const std::string& bootstrap, const std::string& group,
                                                       const std::string& topic);

}  // namespace kafka_test
