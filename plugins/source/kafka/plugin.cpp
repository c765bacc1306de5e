// The `kafka_source` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "broker_option.hpp"
#include "kafka_source.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    sluice::plugins::kafka::kBrokersOption,
    {.name = "topics",
     .type = SLUICE_OPT_LIST,
     .required = 1,
     .default_toml = nullptr,
     .description = "Topics to subscribe to. A name starting with '^' is a regular expression "
                    "matching topic names.",
     .example_toml = "[\"news\"]"},
    {.name = "group",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Consumer group id. Hosts running the same pipeline with the same group share "
                    "the topics' partitions; the group's committed offsets are where a run resumes.",
     .example_toml = "\"sluice-news\""},
    {.name = "properties",
     .type = SLUICE_OPT_TABLE,
     .required = 0,
     .default_toml = "{}",
     .description = "Further librdkafka consumer properties (values: strings, integers or booleans), "
                    "checked by librdkafka when the stage starts. group.id, enable.auto.commit, "
                    "enable.auto.offset.store, enable.partition.eof and bootstrap.servers are the "
                    "plugin's and refused. auto.offset.reset defaults to \"earliest\".",
     .example_toml = "{ \"session.timeout.ms\" = \"10000\", \"security.protocol\" = \"ssl\" }"},
    {.name = "content_type",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "MIME type of a message without a `content-type` header (empty: unknown, so "
                    "parsers are chosen by the message key's file name).",
     .example_toml = "\"text/plain\""},
    {.name = "stop_at_end",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "End the run once every partition assigned to this consumer is read to its end "
                    "and nothing new arrived for `idle_timeout`. false: keep waiting for messages "
                    "(a run that ends only when stopped; see README).",
     .example_toml = "false"},
    {.name = "idle_timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"10s\"",
     .description =
         "With stop_at_end, how long the assigned partitions must stay at their end (no "
         "message, no rebalance) before the run ends. In a group, keep it above session.timeout.ms "
         "so a survivor is still there to take over a crashed host's partitions.",
     .example_toml = "\"60s\""},
    {.name = "join_timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 0,
     .default_toml = "\"60s\"",
     .description = "With stop_at_end, how long a run waits for the group's first assignment before "
                    "it ends with a warning (unreachable brokers). A new group forms in seconds; "
                    "after a crash the group first waits out the dead member's session.timeout.ms.",
     .example_toml = "\"2m\""},
};

}  // namespace

// Thread-safe: next() blocks in the consumer poll until a message arrives,
// so the host must be able to acknowledge (commit offsets) meanwhile;
// KafkaSource guards its state with its own mutex.
SLUICE_PLUGIN(kafka_source, sluice::plugins::kafka::KafkaSource, "kafka_source", "1.0.0",
              "Consumes Kafka topics as a consumer group, committing offsets only for stored articles",
              kOptions, SLUICE_PLUGIN_FLAG_THREAD_SAFE | SLUICE_PLUGIN_FLAG_EXTERNAL_POSITION)
