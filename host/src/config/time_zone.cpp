#include "config/time_zone.hpp"

#include <date/tz.h>

#include <cstdlib>
#include <stdexcept>

namespace sluice::host::schedule {
namespace {

const date::time_zone* host_zone() {
  // TZ=":Europe/Berlin" and TZ="Europe/Berlin" both name a file in the database.
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    std::string name = tz[0] == ':' ? tz + 1 : tz;
    try {
      return date::locate_zone(name);
    } catch (const std::exception&) {
      // A POSIX rule string such as "CET-1CEST": fall back to /etc/localtime.
    }
  }
  try {
    return date::current_zone();
  } catch (const std::exception&) {
    return date::locate_zone("Etc/UTC");  // a container without /etc/localtime
  }
}

}  // namespace

const date::time_zone& find_zone(const std::string& name) {
  if (name.empty()) {
    static const date::time_zone* const zone = host_zone();
    return *zone;
  }
  return *date::locate_zone(name);
}

bool zone_exists(const std::string& name) {
  try {
    date::locate_zone(name);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::vector<std::string> zone_names() {
  std::vector<std::string> out;
  // With the system database, links (US/Eastern) are files too and listed as zones.
  for (const auto& z : date::get_tzdb().zones) out.push_back(z.name());
  return out;
}

}  // namespace sluice::host::schedule
