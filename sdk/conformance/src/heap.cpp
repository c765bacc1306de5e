#include "heap.hpp"

#include <malloc.h>

#include <chrono>
#include <thread>

#if defined(__SANITIZE_ADDRESS__)
#define SLUICE_KIT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLUICE_KIT_ASAN 1
#endif
#endif

#ifdef SLUICE_KIT_ASAN
#include <sanitizer/lsan_interface.h>
#endif

namespace sluice::conformance::detail {

bool under_sanitizer() {
#ifdef SLUICE_KIT_ASAN
  return true;
#else
  return false;
#endif
}

bool sanitizer_found_leaks() {
#ifdef SLUICE_KIT_ASAN
  return __lsan_do_recoverable_leak_check() != 0;
#else
  return false;
#endif
}

std::optional<long long> bytes_left_by(const std::function<void()>& work) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  if (under_sanitizer()) {
    work();
    return std::nullopt;
  }
  // glibc counts the chunks a thread keeps in its cache (tcache) as in use,
  // which looks like a slow leak. A thread's cache is returned when it
  // ends, so the work runs on a thread of its own; with one arena, that
  // thread allocates where mallinfo2() can see it.
  ::mallopt(M_ARENA_MAX, 1);
  const auto in_use = [] {
    const struct mallinfo2 m = ::mallinfo2();
    return static_cast<long long>(m.uordblks + m.hblkhd);  // small chunks in use + large mmapped ones
  };
  // A plugin's own threads (librdkafka's broker and mock-cluster threads)
  // may still be freeing what a destroyed instance left them for a moment
  // after it is gone: sample until the figure holds still, so that lag
  // is not mistaken for growth (or for shrinking, in the next window).
  const auto settled = [&] {
    long long last = in_use();
    for (int i = 0; i < 50; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      const long long now = in_use();
      if (now == last) break;
      last = now;
    }
    return last;
  };
  const long long before = settled();
  std::thread(work).join();
  return settled() - before;
#else
  work();
  return std::nullopt;
#endif
}

}  // namespace sluice::conformance::detail
