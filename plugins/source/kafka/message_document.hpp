// One consumed Kafka message as the raw document a parser sees.
#pragma once

#include <librdkafka/rdkafka.h>

#include <string>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::kafka {

// "kafka://news/3/1207": topic, partition, offset.
std::string message_uri(const std::string& topic, std::int32_t partition, std::int64_t offset);

// Fills `out` from `msg` (a message without error):
//  - bytes: the value; uri: message_uri();
//  - key: the message key (the producer's name for the document, so ids stay
//    stable when it is produced again), or "topic/partition/offset" without;
//  - content_type: the last `content-type` header (any case), else `fallback`;
//  - meta: topic, partition, offset, timestamp_ms (when the message has one),
//    key and headers (name -> last value).
void message_to_document(const rd_kafka_message_t& msg, const std::string& fallback_content_type,
                         sdk::RawDocument& out);

}  // namespace sluice::plugins::kafka
