// A librdkafka mock cluster in its own process, so separate `sluice`
// processes (and the tests' own clients) can share one "Kafka":
//
//   kafka_mock_cluster [--brokers N] [--topic NAME:PARTITIONS]... [--until-stdin-closes]
//
// Creates the cluster with N brokers (default 3) and the topics, prints the
// bootstrap servers on one line of stdout, then serves until SIGTERM or
// SIGINT (or, with --until-stdin-closes, until stdin reaches end of file).
// Everything lives in memory: the cluster is gone when the process ends.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Options {
  int brokers = 3;
  std::vector<std::pair<std::string, int>> topics;
  bool until_stdin_closes = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--brokers") {
      o.brokers = std::stoi(value());
    } else if (a == "--topic") {
      const auto spec = value();
      const auto colon = spec.rfind(':');
      if (colon == std::string::npos || colon == 0)
        throw std::invalid_argument("--topic wants NAME:PARTITIONS, not " + spec);
      o.topics.emplace_back(spec.substr(0, colon), std::stoi(spec.substr(colon + 1)));
    } else if (a == "--until-stdin-closes") {
      o.until_stdin_closes = true;
    } else {
      throw std::invalid_argument("unknown argument " + a);
    }
  }
  if (o.brokers < 1) throw std::invalid_argument("--brokers must be at least 1");
  for (const auto& [name, partitions] : o.topics)
    if (partitions < 1) throw std::invalid_argument("topic " + name + " needs at least one partition");
  return o;
}

bool stdin_closed() {
  pollfd p{STDIN_FILENO, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  char buf[256];
  return ::read(STDIN_FILENO, buf, sizeof buf) <= 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    o = parse(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kafka_mock_cluster: %s\n", e.what());
    return 2;
  }
  // Signals are taken with sigtimedwait below, never by a handler.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before librdkafka starts threads

  // The cluster needs a client handle to live in; this one sends nothing.
  char reason[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), reason, sizeof reason);
  if (rk == nullptr) {
    std::fprintf(stderr, "kafka_mock_cluster: %s\n", reason);
    return 1;
  }
  rd_kafka_mock_cluster_t* cluster = rd_kafka_mock_cluster_new(rk, o.brokers);
  if (cluster == nullptr) {
    std::fprintf(stderr, "kafka_mock_cluster: cannot create a mock cluster\n");
    return 1;
  }
  for (const auto& [name, partitions] : o.topics) {
    if (const auto err = rd_kafka_mock_topic_create(cluster, name.c_str(), partitions, 1)) {
      std::fprintf(stderr, "kafka_mock_cluster: topic %s: %s\n", name.c_str(), rd_kafka_err2str(err));
      return 1;
    }
  }
  std::printf("%s\n", rd_kafka_mock_cluster_bootstraps(cluster));
  std::fflush(stdout);

  for (;;) {
    const timespec slice{0, 200'000'000};
    if (sigtimedwait(&stop, nullptr, &slice) > 0) break;
    if (o.until_stdin_closes && stdin_closed()) break;
  }
  rd_kafka_mock_cluster_destroy(cluster);
  rd_kafka_destroy(rk);
  return 0;
}
