#include "kafka_handle.hpp"

#include <algorithm>
#include <cstring>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::kafka {
namespace {

void set(rd_kafka_conf_t* conf, const std::string& name, const std::string& value) {
  char reason[512];
  if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), reason, sizeof reason) != RD_KAFKA_CONF_OK)
    throw sdk::StageError("librdkafka property '" + name + "' = \"" + value + "\": " + reason);
}

// TOML gives a table's values their own types; librdkafka wants strings.
std::string property_text(const std::string& name, const sdk::Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int()) return std::to_string(v.as_int());
  throw sdk::StageError("librdkafka property '" + name + "' must be a string, integer or boolean");
}

}  // namespace

ConfPtr make_conf(std::string_view brokers, const sdk::Value& properties,
                  std::initializer_list<Property> defaults, std::initializer_list<Property> fixed) {
  if (brokers.empty()) throw sdk::StageError("`brokers` is empty: name at least one host:port");
  ConfPtr conf(rd_kafka_conf_new());
  set(conf.get(), "bootstrap.servers", std::string(brokers));
  for (const auto& [name, value] : defaults) set(conf.get(), name, value);
  if (properties.is_map()) {
    for (const auto& [name, value] : properties.as_map()) {
      const bool owned =
          name == "bootstrap.servers" ||
          std::any_of(fixed.begin(), fixed.end(), [&](const Property& p) { return name == p.first; });
      if (owned)
        throw sdk::StageError("librdkafka property '" + name +
                              "' is set by the plugin and cannot be overridden (see its README)");
      set(conf.get(), name, property_text(name, value));
    }
  }
  for (const auto& [name, value] : fixed) set(conf.get(), name, value);
  return conf;
}

rd_kafka_t* make_client(rd_kafka_type_t type, ConfPtr conf, std::string_view brokers) {
  char reason[512];
  rd_kafka_t* rk = rd_kafka_new(type, conf.get(), reason, sizeof reason);
  if (rk == nullptr)
    throw sdk::StageError("cannot create a Kafka " +
                          std::string(type == RD_KAFKA_CONSUMER ? "consumer" : "producer") + " for brokers " +
                          std::string(brokers) + ": " + reason);
  (void)conf.release();  // rd_kafka_new took it over
  return rk;
}

std::string error_text(rd_kafka_resp_err_t err) {
  return std::string(rd_kafka_err2str(err)) + " (" + rd_kafka_err2name(err) + ")";
}

}  // namespace sluice::plugins::kafka
