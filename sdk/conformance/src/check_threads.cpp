// A stage that declares SLUICE_PLUGIN_FLAG_THREAD_SAFE is shared by every
// worker of a pipeline: hammer one instance from several threads and expect
// exactly what one thread gets.
#include <atomic>
#include <mutex>
#include <thread>

#include "check_list.hpp"
#include "context.hpp"
#include "exercise.hpp"

namespace sluice::conformance::detail {

CheckResult check_threads(const Target& target, const std::filesystem::path& work, Progress& progress) {
  const auto c = make_context(target, work);
  if (!c.thread_safe)
    return {Status::Skip,
            "does not declare SLUICE_PLUGIN_FLAG_THREAD_SAFE: the host gives each worker its own "
            "instance"};
  if (c.kind != SLUICE_KIND_PARSER && c.kind != SLUICE_KIND_ENRICHER)
    return {Status::Skip,
            "the host calls sinks, and a source's next(), from one thread, whatever the flag says"};

  progress.on("reference run on one thread");
  auto reference_stage = make_instance(c, "reference");
  const auto reference = exercise(reference_stage, c.kind);
  if (!reference.failure.empty()) return {Status::Fail, "a single-threaded run failed: " + reference.failure};

  constexpr int kThreads = 4, kRounds = 25;
  auto shared = make_instance(c, "shared");
  std::mutex mu;
  std::string first_problem;
  std::atomic<bool> go{false};
  progress.on(std::to_string(kThreads) + " threads x " + std::to_string(kRounds) + " rounds on one instance");
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();  // start together for the most overlap
      for (int r = 0; r < kRounds; ++r) {
        const auto w = exercise(shared, c.kind);
        if (w.failure.empty() && w.fingerprint == reference.fingerprint) continue;
        std::lock_guard lock(mu);
        if (first_problem.empty())
          first_problem = w.failure.empty()
                              ? "a concurrent call gave a different result than a lone call:\n" +
                                    w.fingerprint.substr(0, 400)
                              : "a concurrent call failed: " + w.failure;
        return;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  if (!first_problem.empty()) return {Status::Fail, first_problem};
  return {Status::Pass, std::to_string(kThreads) + " threads x " + std::to_string(kRounds) +
                            " rounds on one instance matched the single-threaded result"};
}

}  // namespace sluice::conformance::detail
