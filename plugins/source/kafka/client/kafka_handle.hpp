// librdkafka plumbing shared by the `kafka_source` and `kafka_sink` plugins:
// owning handles, and a configuration built from the stage's options with
// the properties the plugin relies on protected from overrides.
#pragma once

#include <librdkafka/rdkafka.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "sluice/sdk/value.hpp"

namespace sluice::plugins::kafka {

struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const { rd_kafka_topic_partition_list_destroy(l); }
};
using ConfPtr = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

// One librdkafka property: name and value.
using Property = std::pair<const char*, const char*>;

// A configuration for `brokers`:
//  1. `defaults` (values the plugin prefers, which the user may change),
//  2. the user's `properties` table (string, integer or boolean values),
//  3. `fixed` (what the plugin's delivery guarantees depend on): a user
//     property naming one of these, or bootstrap.servers, is refused.
// Throws sdk::StageError naming the property and librdkafka's reason.
ConfPtr make_conf(std::string_view brokers, const sdk::Value& properties,
                  std::initializer_list<Property> defaults, std::initializer_list<Property> fixed);

// Creates a consumer or producer from `conf` (taken over even on failure).
// Throws sdk::StageError naming the brokers.
rd_kafka_t* make_client(rd_kafka_type_t type, ConfPtr conf, std::string_view brokers);

// "Broker: Unknown topic or partition (UNKNOWN_TOPIC_OR_PART)"
std::string error_text(rd_kafka_resp_err_t err);

}  // namespace sluice::plugins::kafka
