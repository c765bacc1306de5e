// A kafka_mock_cluster process for one test: started with the given topics,
// its bootstrap servers read from its first line of output, stopped (and
// with it every topic and offset) when the object goes.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "child_process.hpp"

namespace kafka_test {

struct Topic {
  std::string name;
  int partitions = 1;
};

class MockCluster {
 public:
  // Writes the helper's output to `dir`/kafka-mock.{out,err}. Throws when
  // it does not print its address within 60 s.
  MockCluster(const std::filesystem::path& dir, const std::vector<Topic>& topics, int brokers = 3);
  ~MockCluster();
  MockCluster(const MockCluster&) = delete;
  MockCluster& operator=(const MockCluster&) = delete;

  const std::string& bootstrap() const { return bootstrap_; }

 private:
  std::unique_ptr<reliability::ChildProcess> process_;
  std::string bootstrap_;
};

}  // namespace kafka_test
