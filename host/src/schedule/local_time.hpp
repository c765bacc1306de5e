// Wall-clock ("local") times as cron sees them, minute by minute, and the
// instants schedules produce.
#pragma once

#include <chrono>

namespace sluice::host::schedule {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;  // an instant (UTC)
using LocalMinutes = std::chrono::local_time<std::chrono::minutes>;  // a wall-clock minute

}  // namespace sluice::host::schedule
