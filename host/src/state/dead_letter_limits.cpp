#include "sluice/host/dead_letter_limits.hpp"

#include <algorithm>
#include <sstream>

namespace sluice::host {

DeadLetterPrune enforce_dead_letter_limits(StateDb& db, const HostSettings& host, sdk::Log* log) {
  const auto cap = static_cast<std::size_t>(std::max<std::int64_t>(0, host.dead_letter_max_entries));
  const auto removed = db.prune_dead_letters(host.dead_letter_max_age_ms, cap);
  if (log && removed.too_old + removed.over_cap > 0) {
    std::ostringstream line;
    line << "dead-letter store " << db.path().string() << ": removed";
    if (removed.too_old > 0)
      line << " " << removed.too_old << (removed.too_old == 1 ? " entry" : " entries") << " last seen over "
           << host.dead_letter_max_age_ms / 1000 << " s ago ([host] dead_letter_max_age)";
    if (removed.over_cap > 0)
      line << (removed.too_old > 0 ? " and" : "") << " the " << removed.over_cap
           << " least recently seen beyond the cap of " << cap << " entries ([host] dead_letter_max_entries)";
    log->warn(line.str());
  }
  return removed;
}

}  // namespace sluice::host
