// The `kafka_sink` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "broker_option.hpp"
#include "kafka_sink.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    sluice::plugins::kafka::kBrokersOption,
    {.name = "topic",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Topic to produce to. Each article is one message: key = article id, value = "
                    "the canonical JSON, header content-type: application/json.",
     .example_toml = "\"articles\""},
    {.name = "properties",
     .type = SLUICE_OPT_TABLE,
     .required = 0,
     .default_toml = "{}",
     .description = "Further librdkafka producer properties (values: strings, integers or booleans), "
                    "checked by librdkafka when the stage starts. enable.idempotence, acks and "
                    "bootstrap.servers are the plugin's and refused. linger.ms defaults to 5.",
     .example_toml = "{ \"compression.type\" = \"zstd\" }"},
    {.name = "flush_timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"30s\"",
     .description = "How long write() waits for the brokers to acknowledge every message of a batch "
                    "before it fails (and the host retries the batch).",
     .example_toml = "\"2m\""},
};

}  // namespace

SLUICE_PLUGIN(kafka_sink, sluice::plugins::kafka::KafkaSink, "kafka_sink", "1.0.0",
              "Produces each article's canonical JSON to a Kafka topic, keyed by article id", kOptions, 0)
