// The `brokers` option, declared once for both Kafka plugins' option tables.
#pragma once

#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::kafka {

inline constexpr sluice_option_desc kBrokersOption = {
    .name = "brokers",
    .type = SLUICE_OPT_STRING,
    .required = 1,
    .default_toml = nullptr,
    .description = "Bootstrap servers, comma-separated host:port (librdkafka's bootstrap.servers).",
    .example_toml = "\"kafka1:9092,kafka2:9092\""};

}  // namespace sluice::plugins::kafka
