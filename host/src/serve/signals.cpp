// ServeSignals: the three signals `sluice serve` reacts to, taken by
// sigwait() on a thread of its own instead of an async handler, so that
// stopping and reloading may lock, allocate and log.
#include <pthread.h>
#include <signal.h>

#include "sluice/host/serve.hpp"

namespace sluice::host {
namespace {

sigset_t serve_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

void ServeSignals::block() {
  const sigset_t set = serve_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

ServeSignals::ServeSignals(Server& server, std::function<void()> on_second_stop) {
  block();  // in case the caller did not: this thread at least must not take them asynchronously
  thread_ = std::thread([this, &server, on_second_stop = std::move(on_second_stop)] {
    const sigset_t set = serve_signals();
    int stops = 0;
    for (;;) {
      int sig = 0;
      if (sigwait(&set, &sig) != 0) continue;
      if (quit_) return;
      if (sig == SIGHUP) {
        server.reload();
      } else if (++stops == 1) {
        server.stop();
      } else if (on_second_stop) {
        on_second_stop();
      }
    }
  });
}

ServeSignals::~ServeSignals() {
  quit_ = true;
  // The signal is blocked everywhere, so it stays pending for that thread
  // until its sigwait() takes it and sees quit_.
  pthread_kill(thread_.native_handle(), SIGHUP);
  thread_.join();
}

}  // namespace sluice::host
