#include "message_document.hpp"

#include <strings.h>

#include <chrono>

namespace sluice::plugins::kafka {
namespace {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string message_uri(const std::string& topic, std::int32_t partition, std::int64_t offset) {
  return "kafka://" + topic + "/" + std::to_string(partition) + "/" + std::to_string(offset);
}

void message_to_document(const rd_kafka_message_t& msg, const std::string& fallback_content_type,
                         sdk::RawDocument& out) {
  const std::string topic = rd_kafka_topic_name(msg.rkt);
  out.uri = message_uri(topic, msg.partition, msg.offset);
  std::string key = msg.key ? std::string(static_cast<const char*>(msg.key), msg.key_len) : std::string();
  out.key = key.empty() ? out.uri.substr(std::string_view("kafka://").size()) : key;
  if (msg.payload)
    out.bytes.assign(static_cast<const char*>(msg.payload), msg.len);
  else
    out.bytes.clear();  // a tombstone (null value)
  out.fetched_at_ms = now_ms();
  out.content_type = fallback_content_type;

  sdk::Map meta;
  meta["topic"] = topic;
  meta["partition"] = static_cast<std::int64_t>(msg.partition);
  meta["offset"] = static_cast<std::int64_t>(msg.offset);
  rd_kafka_timestamp_type_t ts_type;
  if (const auto ts = rd_kafka_message_timestamp(&msg, &ts_type); ts >= 0) meta["timestamp_ms"] = ts;
  if (!key.empty()) meta["key"] = std::move(key);
  sdk::Map headers;
  rd_kafka_headers_t* hdrs = nullptr;
  if (rd_kafka_message_headers(&msg, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
    const char* name;
    const void* value;
    std::size_t size;
    for (std::size_t i = 0;
         rd_kafka_header_get_all(hdrs, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i) {
      std::string text = value ? std::string(static_cast<const char*>(value), size) : std::string();
      if (strcasecmp(name, "content-type") == 0 && !text.empty()) out.content_type = text;
      headers[name] = std::move(text);
    }
  }
  if (!headers.empty()) meta["headers"] = std::move(headers);
  out.meta = std::move(meta);
}

}  // namespace sluice::plugins::kafka
