// `sluice serve` as a library: every pipeline of a config on its schedule in
// one process, with reload, graceful stop and a /metrics endpoint
// (docs/scheduling.md).
//
//   sluice::host::Server server({.config_file = "config/scheduled.toml"});
//   sluice::host::ServeSignals::block();          // before any thread starts
//   server.start();                               // throws ConfigErrors
//   sluice::host::ServeSignals signals(server);   // SIGTERM stops, SIGHUP reloads
//   auto result = server.run();                   // until stopped
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "sluice/host/host.hpp"

namespace sluice::host {

struct ServeOptions {
  std::filesystem::path config_file;  // read again on every reload
  // Makes the Host each load uses (plugin directories, compiled-in plugins).
  // A reload gets a fresh one, so plugin directories are searched again.
  std::function<std::unique_ptr<Host>()> make_host;
  // The state database when the config's [host] names none; empty = none
  // (then nothing is incremental and no slot survives a restart).
  std::filesystem::path default_state;
  sdk::Log* log = nullptr;
  // How long a stop waits for the runs in flight to finish their work.
  std::chrono::milliseconds stop_grace{30'000};
};

struct ServeResult {
  // Every run ended and committed. When false, `problem` says why, and run
  // threads may still be inside plugin code: end the process (std::_Exit)
  // rather than destroying the Server.
  bool clean = true;
  std::string problem;
  std::uint64_t runs = 0;  // runs started
};

class Server {
 public:
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads and validates options.config_file (throws ConfigErrors or
  // ConfigError), opens the state database and the metrics endpoint (throws
  // std::runtime_error).
  void start();
  // The same with a config already loaded, e.g. by a CLI that reported on it.
  void start(std::unique_ptr<Host> host, Config config);

  // Runs pipelines on their schedules until stop(); blocks.
  ServeResult run();

  // Both thread-safe and quick; neither is async-signal-safe (ServeSignals
  // calls them from a thread).
  void stop();    // runs in flight finish their work and commit; no new run starts
  void reload();  // re-read the config between runs; an invalid one is logged and ignored

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// SIGINT/SIGTERM -> Server::stop(), SIGHUP -> Server::reload(), received by
// a thread waiting in sigwait(): no work ever runs in an async handler.
class ServeSignals {
 public:
  // Blocks the three signals in the calling thread. Call it before any other
  // thread starts: threads inherit the mask, so only sigwait() sees them.
  static void block();
  // `on_second_stop` runs when a stop signal comes while stopping already.
  explicit ServeSignals(Server& server, std::function<void()> on_second_stop = {});
  ~ServeSignals();
  ServeSignals(const ServeSignals&) = delete;
  ServeSignals& operator=(const ServeSignals&) = delete;

 private:
  std::thread thread_;
  std::atomic<bool> quit_{false};
};

}  // namespace sluice::host
