// Push-to-article latency through the embedding API (issue 20): documents
// pushed one at a time through RunHandle::push, at a steady rate, into
// push -> plain_text -> pull; the time from push() to the article coming
// out of pull(), and to the push's future resolving (the acknowledgement
// after the checkpoint commit). Prints median and p99 per configuration.
//
//   bench_push_latency [DOCUMENTS] [INTERVAL_US]     (defaults 2000, 1000)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sluice/host/host.hpp"

namespace sluice::plugins::plain_text {
const sluice_plugin_descriptor* descriptor();
}

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

struct Figures {
  std::vector<double> to_article_ms;
};

Figures measure(const std::string& batch_timeout, const std::filesystem::path& state, int documents,
                std::chrono::microseconds interval) {
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.register_plugin(sluice::plugins::plain_text::descriptor());
  std::string toml;
  if (!state.empty()) toml += "[host]\nstate = \"" + state.string() + "\"\n";
  toml += "[pipeline.live]\nworkers = 2\nbatch_timeout = \"" + batch_timeout +
          "\"\n"
          "[[pipeline.live.source]]\nplugin = \"push\"\n"
          "[[pipeline.live.parser]]\nplugin = \"plain_text\"\n"
          "[[pipeline.live.sink]]\nplugin = \"pull\"\n";
  const auto config = host.load_config_string(toml, "bench.toml");
  auto run = host.start(config, "live");

  std::vector<Clock::time_point> pushed(static_cast<std::size_t>(documents));
  std::mutex mu;  // pushed[] is written before the article can exist; the lock orders it for readers
  Figures f;
  std::thread consumer([&] {
    for (int got = 0; got < documents;) {
      auto a = run.pull(std::chrono::seconds(30));
      if (!a) break;
      const auto now = Clock::now();
      const int n = std::atoi(a->title.c_str() + std::string("Headline ").size());
      std::lock_guard lock(mu);
      f.to_article_ms.push_back(std::chrono::duration<double, std::milli>(now - pushed[n]).count());
      ++got;
    }
  });
  std::vector<std::future<sluice::host::Ack>> acks;
  auto next = Clock::now();
  for (int i = 0; i < documents; ++i) {
    sluice::sdk::RawDocument d;
    d.key = "doc-" + std::to_string(i) + ".txt";
    d.content_type = "text/plain";
    d.bytes = "Headline " + std::to_string(i) + "\n\nA short body for document " + std::to_string(i) + ".\n";
    {
      std::lock_guard lock(mu);
      pushed[static_cast<std::size_t>(i)] = Clock::now();
    }
    acks.push_back(run.push(std::move(d)));
    next += interval;
    std::this_thread::sleep_until(next);
  }
  for (auto& a : acks) a.wait();  // every push acknowledged before the input ends
  consumer.join();
  run.close();
  run.wait();
  return f;
}

// Acknowledgement latency needs the resolution time of each future, which
// a plain wait() in push order overstates; measured separately with one
// document in flight at a time.
std::vector<double> ack_latency(const std::string& batch_timeout, const std::filesystem::path& state,
                                int documents) {
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.register_plugin(sluice::plugins::plain_text::descriptor());
  std::string toml;
  if (!state.empty()) toml += "[host]\nstate = \"" + state.string() + "\"\n";
  toml += "[pipeline.live]\nworkers = 2\nbatch_timeout = \"" + batch_timeout +
          "\"\n"
          "[[pipeline.live.source]]\nplugin = \"push\"\n"
          "[[pipeline.live.parser]]\nplugin = \"plain_text\"\n"
          "[[pipeline.live.sink]]\nplugin = \"pull\"\ncapacity = 1000000\n";
  const auto config = host.load_config_string(toml, "bench.toml");
  auto run = host.start(config, "live");
  std::vector<double> out;
  for (int i = 0; i < documents; ++i) {
    sluice::sdk::RawDocument d;
    d.key = "doc-" + std::to_string(i) + ".txt";
    d.content_type = "text/plain";
    d.bytes = "Headline " + std::to_string(i) + "\n\nA short body.\n";
    const auto t0 = Clock::now();
    run.push(std::move(d)).get();
    out.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  run.close();
  run.wait();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int documents = argc > 1 ? std::atoi(argv[1]) : 2000;
  const auto interval = std::chrono::microseconds(argc > 2 ? std::atoi(argv[2]) : 1000);
  const auto dir =
      std::filesystem::temp_directory_path() / ("sluice-bench-push-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::printf("push -> plain_text -> pull, %d documents, one every %lld us, 2 workers\n", documents,
              static_cast<long long>(interval.count()));
  std::printf("%-14s %-10s %22s %22s\n", "batch_timeout", "state", "push->pull ms med/p99",
              "push->ack ms med/p99");
  int round = 0;
  for (const std::string timeout : {"100ms", "5ms", "1ms"}) {
    for (const bool with_state : {false, true}) {
      const auto state =
          with_state ? dir / ("state-" + std::to_string(round++) + ".db") : std::filesystem::path();
      const auto f = measure(timeout, state, documents, interval);
      const auto ack = ack_latency(timeout, state, std::min(documents, 300));
      std::printf("%-14s %-10s %10.2f / %-9.2f %10.2f / %-9.2f\n", timeout.c_str(),
                  with_state ? "sqlite" : "none", percentile(f.to_article_ms, 0.5),
                  percentile(f.to_article_ms, 0.99), percentile(ack, 0.5), percentile(ack, 0.99));
    }
  }
  std::filesystem::remove_all(dir);
  return 0;
}
