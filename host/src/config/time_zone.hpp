// Time zones for cron schedules, from the system's tz database
// (/usr/share/zoneinfo) through Howard Hinnant's date/tz library, the
// library std::chrono's tzdb was standardised from (GCC 12's libstdc++ does
// not ship that part yet). It reads the TZif files itself, thread-safely,
// without touching the process-wide TZ variable that localtime_r depends on.
#pragma once

#include <string>
#include <vector>

namespace date {
class time_zone;
}

namespace sluice::host::schedule {

// The zone named `name`; empty means the host's zone: $TZ when it names a
// zone, else /etc/localtime, else UTC. Throws std::runtime_error for an
// unknown name.
const date::time_zone& find_zone(const std::string& name);

bool zone_exists(const std::string& name);
std::vector<std::string> zone_names();

}  // namespace sluice::host::schedule
