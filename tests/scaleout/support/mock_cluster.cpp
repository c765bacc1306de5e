#include "mock_cluster.hpp"

#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

#include "test_support.hpp"

namespace kafka_test {

MockCluster::MockCluster(const std::filesystem::path& dir, const std::vector<Topic>& topics, int brokers) {
  std::vector<std::string> argv{KAFKA_MOCK_CLUSTER, "--brokers", std::to_string(brokers)};
  for (const auto& t : topics) {
    argv.push_back("--topic");
    argv.push_back(t.name + ":" + std::to_string(t.partitions));
  }
  const auto out = dir / "kafka-mock.out";
  const auto err = dir / "kafka-mock.err";
  process_ = std::make_unique<reliability::ChildProcess>(argv, dir, out, err);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    const auto text = sluice::testing::read_file(out);
    if (const auto eol = text.find('\n'); eol != std::string::npos) {
      bootstrap_ = text.substr(0, eol);
      return;
    }
    if (auto ended = process_->poll())
      throw std::runtime_error("kafka_mock_cluster ended (" + ended->str() +
                               "): " + sluice::testing::read_file(err));
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("kafka_mock_cluster printed no address within 60 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

MockCluster::~MockCluster() {
  process_->kill(SIGTERM);
  process_->wait();
}

}  // namespace kafka_test
