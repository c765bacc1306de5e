// Telling whether create/destroy leaks: LeakSanitizer when the kit is built
// with AddressSanitizer, the allocator's own statistics otherwise.
#pragma once

#include <functional>
#include <optional>

namespace sluice::conformance::detail {

// True when built with AddressSanitizer (cmake -DSLUICE_SANITIZE=ON).
bool under_sanitizer();

// Runs LeakSanitizer now: true when it found leaks (its report goes to
// stderr). Only meaningful when under_sanitizer().
bool sanitizer_found_leaks();

// Runs `work` on a thread of its own and returns the bytes it left
// allocated, or nothing when the allocator cannot say (a sanitizer's).
std::optional<long long> bytes_left_by(const std::function<void()>& work);

}  // namespace sluice::conformance::detail
