#include "kafka_client.hpp"

#include <librdkafka/rdkafka.h>

#include <memory>
#include <set>
#include <stdexcept>

namespace kafka_test {
namespace {

using Clock = std::chrono::steady_clock;

struct Handle {
  rd_kafka_t* rk = nullptr;
  ~Handle() {
    if (rk) rd_kafka_destroy(rk);
  }
};

rd_kafka_conf_t* conf_for(const std::string& bootstrap,
                          std::initializer_list<std::pair<const char*, const char*>> props) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char reason[512];
  const auto set = [&](const char* k, const char* v) {
    if (rd_kafka_conf_set(conf, k, v, reason, sizeof reason) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      throw std::runtime_error(std::string(k) + ": " + reason);
    }
  };
  set("bootstrap.servers", bootstrap.c_str());
  for (const auto& [k, v] : props) set(k, v);
  return conf;
}

rd_kafka_t* client(rd_kafka_type_t type, rd_kafka_conf_t* conf) {
  char reason[512];
  rd_kafka_t* rk = rd_kafka_new(type, conf, reason, sizeof reason);
  if (!rk) {
    rd_kafka_conf_destroy(conf);
    throw std::runtime_error(std::string("rd_kafka_new: ") + reason);
  }
  return rk;
}

int partition_count(rd_kafka_t* rk, const std::string& topic) {
  rd_kafka_topic_t* t = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
  const rd_kafka_metadata_t* md = nullptr;
  const auto err = rd_kafka_metadata(rk, 0, t, &md, 30'000);
  rd_kafka_topic_destroy(t);
  if (err) throw std::runtime_error("metadata of " + topic + ": " + rd_kafka_err2str(err));
  const int n = md->topic_cnt == 1 && !md->topics[0].err ? md->topics[0].partition_cnt : 0;
  rd_kafka_metadata_destroy(md);
  if (n == 0) throw std::runtime_error("topic " + topic + " has no partitions");
  return n;
}

void delivered(rd_kafka_t*, const rd_kafka_message_t* m, void*) {
  auto* msg = static_cast<Message*>(m->_private);
  if (m->err) {
    msg->offset = -2;
    msg->headers["x-delivery-error"] = rd_kafka_err2str(m->err);
    return;
  }
  msg->partition = m->partition;
  msg->offset = m->offset;
}

}  // namespace

void produce(const std::string& bootstrap, const std::string& topic, std::vector<Message>& messages) {
  auto* conf = conf_for(bootstrap, {{"acks", "all"}, {"linger.ms", "5"}});
  rd_kafka_conf_set_dr_msg_cb(conf, &delivered);
  Handle h{client(RD_KAFKA_PRODUCER, conf)};
  for (auto& m : messages) {
    m.offset = -1;
    for (;;) {
      rd_kafka_headers_t* hdrs = rd_kafka_headers_new(m.headers.size());
      for (const auto& [k, v] : m.headers)
        rd_kafka_header_add(hdrs, k.c_str(), -1, v.data(), static_cast<ssize_t>(v.size()));
      const auto err = rd_kafka_producev(
          h.rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_KEY(m.key.data(), m.key.size()),
          RD_KAFKA_V_VALUE(m.value.data(), m.value.size()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
          RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_OPAQUE(&m), RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      rd_kafka_headers_destroy(hdrs);
      if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
        throw std::runtime_error("produce " + m.key + ": " + rd_kafka_err2str(err));
      rd_kafka_poll(h.rk, 50);
    }
    rd_kafka_poll(h.rk, 0);
  }
  if (rd_kafka_flush(h.rk, 120'000) != RD_KAFKA_RESP_ERR_NO_ERROR)
    throw std::runtime_error("not every message to " + topic + " was delivered within 120 s");
  for (const auto& m : messages)
    if (m.offset < 0) {
      const auto e = m.headers.find("x-delivery-error");
      throw std::runtime_error("message " + m.key + " was not delivered: " +
                               (e == m.headers.end() ? std::string("no report") : e->second));
    }
}

std::vector<Message> consume_all(const std::string& bootstrap, const std::string& topic,
                                 std::chrono::seconds timeout) {
  Handle h{client(RD_KAFKA_CONSUMER, conf_for(bootstrap, {{"enable.partition.eof", "true"},
                                                          {"group.id", "kafka-test-reader"},
                                                          {"enable.auto.commit", "false"}}))};
  const int n = partition_count(h.rk, topic);
  std::unique_ptr<rd_kafka_topic_partition_list_t, decltype(&rd_kafka_topic_partition_list_destroy)> list(
      rd_kafka_topic_partition_list_new(n), &rd_kafka_topic_partition_list_destroy);
  for (int p = 0; p < n; ++p)
    rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  if (const auto err = rd_kafka_assign(h.rk, list.get()))
    throw std::runtime_error(std::string("assign: ") + rd_kafka_err2str(err));
  std::vector<Message> out;
  std::set<std::int32_t> at_end;
  const auto deadline = Clock::now() + timeout;
  while (static_cast<int>(at_end.size()) < n) {
    if (Clock::now() > deadline)
      throw std::runtime_error("reading " + topic + ": only " + std::to_string(at_end.size()) + " of " +
                               std::to_string(n) + " partitions reached their end in time");
    rd_kafka_message_t* m = rd_kafka_consumer_poll(h.rk, 200);
    if (!m) continue;
    std::unique_ptr<rd_kafka_message_t, decltype(&rd_kafka_message_destroy)> owned(m,
                                                                                   &rd_kafka_message_destroy);
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      at_end.insert(m->partition);
      continue;
    }
    if (m->err) throw std::runtime_error("reading " + topic + ": " + rd_kafka_message_errstr(m));
    at_end.erase(m->partition);
    Message msg;
    if (m->key) msg.key.assign(static_cast<const char*>(m->key), m->key_len);
    if (m->payload) msg.value.assign(static_cast<const char*>(m->payload), m->len);
    rd_kafka_headers_t* hdrs = nullptr;
    if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
      const char* name;
      const void* value;
      size_t size;
      for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
           ++i)
        msg.headers[name] = value ? std::string(static_cast<const char*>(value), size) : "";
    }
    msg.partition = m->partition;
    msg.offset = m->offset;
    out.push_back(std::move(msg));
  }
  rd_kafka_consumer_close(h.rk);
  return out;
}

std::map<std::int32_t, std::int64_t> committed_offsets(const std::string& bootstrap, const std::string& group,
                                                       const std::string& topic) {
  Handle h{client(RD_KAFKA_CONSUMER, conf_for(bootstrap, {{"group.id", group.c_str()}}))};
  const int n = partition_count(h.rk, topic);
  std::unique_ptr<rd_kafka_topic_partition_list_t, decltype(&rd_kafka_topic_partition_list_destroy)> list(
      rd_kafka_topic_partition_list_new(n), &rd_kafka_topic_partition_list_destroy);
  for (int p = 0; p < n; ++p) rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p);
  if (const auto err = rd_kafka_committed(h.rk, list.get(), 30'000))
    throw std::runtime_error(std::string("committed offsets: ") + rd_kafka_err2str(err));
  std::map<std::int32_t, std::int64_t> out;
  for (int i = 0; i < list->cnt; ++i)
    out[list->elems[i].partition] = list->elems[i].offset < 0 ? -1 : list->elems[i].offset;
  return out;
}

}  // namespace kafka_test
