// Real PostgreSQL servers for C++ tests (see postgres_server.sh).
//
//   shared_postgres_url()  the server of the ctest fixture `postgres`
//                          (PostgresFixture.cmake); tests sharing it use
//                          their own tables, so they can run in parallel.
//   PrivatePostgres        a server of the test's own, for tests that stop
//                          and restart it (outages); gone when destroyed.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "test_support.hpp"

namespace sluice::testing {

inline std::filesystem::path postgres_script() {
  return std::filesystem::path(SLUICE_SOURCE_DIR) / "tests/support/postgres_server.sh";
}

// SLUICE_POSTGRES_URL from the fixture's env file, or "" when this test
// runs without the fixture (e.g. the test binary started by hand).
inline std::string shared_postgres_url() {
  const char* env_file = std::getenv("SLUICE_POSTGRES_ENV");
  if (env_file == nullptr) return {};
  std::ifstream in(env_file);
  const std::string prefix = "export SLUICE_POSTGRES_URL=";
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return {};
}

class PrivatePostgres {
 public:
  PrivatePostgres() {
    std::filesystem::create_directories(state_);
    // Watched by this process: a crashed or killed test stops its server too.
    run("start", std::to_string(::getpid()));
    url_ = read_file(state_ / "url");
    while (!url_.empty() && url_.back() == '\n') url_.pop_back();
  }
  ~PrivatePostgres() { [[maybe_unused]] const int status = std::system(command("stop").c_str()); }
  PrivatePostgres(const PrivatePostgres&) = delete;
  PrivatePostgres& operator=(const PrivatePostgres&) = delete;

  const std::string& url() const { return url_; }
  void pause() { run("pause"); }    // stop; data and port are kept
  void resume() { run("resume"); }  // start again on the same port

 private:
  std::string command(const std::string& verb, const std::string& extra = "") const {
    return "bash " + shell_quote(postgres_script().string()) + " " + verb + " " +
           shell_quote(state_.string()) + (extra.empty() ? "" : " " + extra) + " >" +
           shell_quote((state_ / "script.log").string()) + " 2>&1";
  }
  void run(const std::string& verb, const std::string& extra = "") {
    if (std::system(command(verb, extra).c_str()) != 0)
      throw std::runtime_error("postgres_server.sh " + verb + " failed:\n" +
                               read_file(state_ / "script.log"));
  }

  TempDir dir_;
  std::filesystem::path state_ = dir_ / "pg";
  std::string url_;
};

}  // namespace sluice::testing
