// Keeping the dead-letter store bounded ([host] dead_letter_max_age /
// dead_letter_max_entries). State layer: needs the store and the settings,
// nothing of the runtime.
#pragma once

#include "sluice/host/config.hpp"
#include "sluice/host/state_db.hpp"

namespace sluice::host {

// Applies [host] dead_letter_max_age / dead_letter_max_entries to the store
// and logs one line saying what was removed and why (nothing when nothing
// was). Called after every run by `sluice run` and `sluice serve`.
DeadLetterPrune enforce_dead_letter_limits(StateDb& db, const HostSettings& host, sdk::Log* log);

}  // namespace sluice::host
