// Checks, against an installed sluice, what issue 20 asks of embedding:
//  1. 1,000 documents pushed through RunHandle, every future resolved only
//     once the articles are stored, and every article pulled back;
//  2. a stop returns within its deadline while the source waits for input;
//  3. two pipelines on two threads share one state database.
// Plugins come from the package's plugin directory, the Host's default.
// Exits 0 when all hold; otherwise prints what did not and exits 1.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sluice/host/host.hpp"

namespace {

using Clock = std::chrono::steady_clock;
int failures = 0;

void check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
  if (!ok) ++failures;
}

std::size_t lines_in(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

void push_and_pull(sluice::host::Host& host, const std::filesystem::path& work) {
  constexpr int kDocuments = 1000;
  const auto config = host.load_config_string("[host]\nstate = \"" + (work / "state.db").string() +
                                                  "\"\n"
                                                  "[pipeline.live]\nworkers = 2\nbatch_timeout = \"5ms\"\n"
                                                  "[[pipeline.live.source]]\nplugin = \"push\"\n"
                                                  "[[pipeline.live.parser]]\nplugin = \"plain_text\"\n"
                                                  "[[pipeline.live.sink]]\nplugin = \"jsonl\"\npath = \"" +
                                                  (work / "live.jsonl").string() +
                                                  "\"\n"
                                                  "[[pipeline.live.sink]]\nplugin = \"pull\"\n",
                                              (work / "live.toml").string());
  auto run = host.start(config, "live");
  std::set<std::string> pulled;
  std::thread consumer([&] {
    while (auto article = run.pull(std::chrono::seconds(30))) pulled.insert(article->title);
  });
  std::vector<std::future<sluice::host::Ack>> acks;
  for (int i = 0; i < kDocuments; ++i) {
    sluice::sdk::RawDocument doc;
    doc.key = "doc-" + std::to_string(i) + ".txt";
    doc.content_type = "text/plain";
    doc.bytes = "Title " + std::to_string(i) + "\n\nBody of document " + std::to_string(i) + ".\n";
    acks.push_back(run.push(std::move(doc)));
  }
  int stored = 0;
  bool stored_before_resolved = true;
  for (int i = 0; i < kDocuments; ++i) {
    const auto ack = acks[i].get();
    if (ack.stored() && ack.articles == 1) ++stored;
    // Resolved means the jsonl sink has it (checked every 100th: the file
    // is written in order, so it holds at least i + 1 lines).
    if (i % 100 == 0 && lines_in(work / "live.jsonl") < static_cast<std::size_t>(i + 1))
      stored_before_resolved = false;
  }
  run.close();
  const auto report = run.wait();
  consumer.join();
  check(stored == kDocuments, "1000 pushes acknowledged as stored (" + std::to_string(stored) + ")");
  check(stored_before_resolved, "each sampled future resolved after its article was in the file");
  check(pulled.size() == kDocuments, "1000 articles pulled back (" + std::to_string(pulled.size()) + ")");
  check(report.ok() && report.articles == kDocuments, "run report: " + sluice::host::format_report(report));
}

void stop_while_blocked(sluice::host::Host& host, const std::filesystem::path& work) {
  const auto config = host.load_config_string(R"(
[pipeline.idle]
[[pipeline.idle.source]]
plugin = "push"
[[pipeline.idle.parser]]
plugin = "plain_text"
[[pipeline.idle.sink]]
plugin = "pull"
)",
                                              (work / "idle.toml").string());
  auto run = host.start(config, "idle");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the source now waits for a push
  const auto asked = Clock::now();
  const auto report = run.stop(std::chrono::seconds(2));
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - asked);
  check(report.stopped && took < std::chrono::seconds(2),
        "stop with a 2 s deadline returned after " + std::to_string(took.count()) + " ms");
}

void two_threads_one_state(sluice::host::Host& host, const std::filesystem::path& work) {
  std::filesystem::create_directories(work / "in");
  for (int i = 0; i < 50; ++i)
    std::ofstream(work / "in" / ("a" + std::to_string(i) + ".txt")) << "Headline " << i << "\n\nText.\n";
  std::string toml = "[host]\nstate = \"" + (work / "shared.db").string() + "\"\n";
  for (const std::string name : {"alpha", "beta"})
    toml += "[pipeline." + name + "]\n[[pipeline." + name + ".source]]\nplugin = \"files\"\npath = \"" +
            (work / "in").string() + "\"\n[[pipeline." + name +
            ".parser]]\nplugin = \"plain_text\"\n[[pipeline." + name +
            ".sink]]\nplugin = \"jsonl\"\npath = \"" + (work / (name + ".jsonl")).string() + "\"\n";
  const auto config = host.load_config_string(toml, (work / "two.toml").string());
  sluice::host::RunReport alpha, beta;
  std::thread a([&] { alpha = host.run(config, "alpha").at(0); });
  std::thread b([&] { beta = host.run(config, "beta").at(0); });
  a.join();
  b.join();
  check(alpha.ok() && beta.ok() && alpha.articles == 50 && beta.articles == 50,
        "two pipelines on two threads, one state database: " + std::to_string(alpha.articles) + " + " +
            std::to_string(beta.articles) + " articles");
  check(host.state(config)->runs().size() == 2, "both runs recorded in the one state database");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer WORK_DIR\n";
    return 2;
  }
  const std::filesystem::path work = argv[1];
  std::filesystem::create_directories(work);
  try {
    sluice::host::Host host;  // no plugin directory given: the package's is the default
    push_and_pull(host, work);
    stop_while_blocked(host, work);
    two_threads_one_state(host, work);
  } catch (const sluice::Error& e) {
    std::cout << "FAIL " << e.what() << "\n";
    return 1;
  }
  return failures == 0 ? 0 : 1;
}
