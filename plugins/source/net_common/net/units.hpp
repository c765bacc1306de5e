// Durations written the way the option values are ("250 ms", "2.5 s").
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace sluice::plugins::net {

inline std::string describe_duration(std::chrono::milliseconds ms) {
  if (ms.count() < 1000) return std::to_string(ms.count()) + " ms";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", static_cast<double>(ms.count()) / 1000.0);
  return buf;
}

}  // namespace sluice::plugins::net
