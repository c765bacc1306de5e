// The checks on stage instances: one works, two coexist, many come and go
// without leaking.
#include <algorithm>
#include <numeric>
#include <vector>

#include "check_list.hpp"
#include "context.hpp"
#include "exercise.hpp"
#include "heap.hpp"

namespace sluice::conformance::detail {
namespace {

// One unit of work plus the end of the run, as a result line.
std::string run_once(sdk::testing::StageHarness& stage, std::uint32_t kind) {
  auto work = exercise(stage, kind);
  if (!work.failure.empty()) return work.failure;
  return finish(stage, kind);
}

std::string mismatch(const std::string& what, const std::string& a, const std::string& b) {
  return what + "\n  first:  " + a.substr(0, 400) + "\n  second: " + b.substr(0, 400);
}

}  // namespace

CheckResult check_working_instance(const Target& target, const std::filesystem::path& work,
                                   Progress& progress) {
  const auto c = make_context(target, work);
  progress.on("creating an instance with the sample's options");
  auto stage = make_instance(c, "instance");
  progress.on("one ordinary unit of work");
  if (auto failure = run_once(stage, c.kind); !failure.empty())
    return {Status::Fail, "an instance with the sample's options failed on ordinary input: " + failure};
  return {Status::Pass, "created from " + c.sample.filename().string() + " and handled ordinary input"};
}

CheckResult check_two_instances(const Target& target, const std::filesystem::path& work, Progress& progress) {
  const auto c = make_context(target, work);
  auto a = std::make_unique<sdk::testing::StageHarness>(make_instance(c, "a"));
  auto b = make_instance(c, "b");
  // In lock-step: instance state kept in globals would make b's first
  // result differ from a's first result.
  for (int round = 1; round <= 2; ++round) {
    progress.on("round " + std::to_string(round) + " on both instances");
    const auto wa = exercise(*a, c.kind);
    const auto wb = exercise(b, c.kind);
    if (!wa.failure.empty() || !wb.failure.empty())
      return {Status::Fail, "round " + std::to_string(round) + " failed: " + wa.failure + wb.failure};
    if (wa.fingerprint != wb.fingerprint)
      return {Status::Fail, mismatch("the two instances disagree on the same input in round " +
                                         std::to_string(round) + " (shared state?)",
                                     wa.fingerprint, wb.fingerprint)};
  }
  progress.on("destroying the first instance while the second lives");
  if (auto failure = finish(*a, c.kind); !failure.empty())
    return {Status::Fail, "closing the first: " + failure};
  a.reset();
  progress.on("the second instance after the first is gone");
  if (auto failure = run_once(b, c.kind); !failure.empty())
    return {Status::Fail, "the second instance broke when the first was destroyed: " + failure};
  return {Status::Pass, "two live instances gave the same results, and one outlived the other"};
}

CheckResult check_create_destroy(const Target& target, const std::filesystem::path& work,
                                 Progress& progress) {
  const auto c = make_context(target, work);
  auto stage = make_instance(c, "loop");
  // Caches filled on first use (a library's, the allocator's) mostly settle
  // during the warm-up, but not all: librdkafka, OpenSSL and glibc (the
  // resolver, NSS) also allocate once, later, when something first happens
  // (seen on a fresh machine as +1.8 KB in 100 cycles, and as -0.4 KB on
  // another run). Such a one-off shows in one window of cycles; a leak grows
  // the heap in every window. So the cycles after the warm-up are measured
  // in windows, and a leak is growth in each of them (at least half the
  // per-instance bound) adding up to more than the bound per instance.
  constexpr int kWarmUp = 20, kWindows = 8, kPerWindow = 15;
  constexpr long long kBytesPerInstance = 16;
  std::string failure;
  const auto cycles = [&](int n) {
    return [&, n] {
      for (int i = 0; i < n && failure.empty(); ++i) {
        stage.restart();
        failure = run_once(stage, c.kind);
      }
    };
  };
  progress.on("warm-up");
  (void)bytes_left_by(cycles(kWarmUp));
  std::vector<long long> windows;
  bool measured = true;
  for (int w = 0; w < kWindows && failure.empty(); ++w) {
    progress.on("window " + std::to_string(w + 1) + " of " + std::to_string(kWindows) + ": " +
                std::to_string(kPerWindow) + " create/use/destroy cycles");
    const auto grown = bytes_left_by(cycles(kPerWindow));
    if (!grown) measured = false;
    windows.push_back(grown.value_or(0));
  }
  if (!failure.empty()) return {Status::Fail, failure};
  const std::string done = std::to_string(kWarmUp + kWindows * kPerWindow) + " create/use/destroy cycles";
  if (under_sanitizer()) {
    progress.on("LeakSanitizer");
    if (sanitizer_found_leaks())
      return {Status::Fail, done + ": LeakSanitizer found leaks (report on stderr)"};
    return {Status::Pass, done + ", LeakSanitizer found no leak"};
  }
  if (!measured) return {Status::Pass, done + " (this allocator cannot report leaks; run under ASan)"};
  const long long total = std::accumulate(windows.begin(), windows.end(), 0LL);
  const long long least = *std::min_element(windows.begin(), windows.end());
  std::string figures;
  for (const auto w : windows) figures += (figures.empty() ? "" : ", ") + std::to_string(w);
  const std::string over = std::to_string(total) + " bytes over the last " +
                           std::to_string(kWindows * kPerWindow) + " cycles (by window of " +
                           std::to_string(kPerWindow) + ": " + figures + ")";
  const bool steady_growth = least * 2 > kPerWindow * kBytesPerInstance;
  if (steady_growth && total > kWindows * kPerWindow * kBytesPerInstance)
    return {Status::Fail,
            done + ": the heap grew by " + over + ", " + std::to_string(total / (kWindows * kPerWindow)) +
                " per instance in every window: a leak. Build with -DSLUICE_SANITIZE=ON to see where."};
  return {Status::Pass, done + ", heap steady (" + over + ")"};
}

}  // namespace sluice::conformance::detail
