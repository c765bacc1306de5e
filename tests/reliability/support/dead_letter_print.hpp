// How GoogleTest prints a dead letter in a failed expectation (instead of
// a hex dump of the struct). Found by ADL, hence the namespace.
#pragma once

#include <ostream>

#include "sluice/host/state_db.hpp"

namespace sluice::host {

inline void PrintTo(const DeadLetter& d, std::ostream* os) {
  *os << "#" << d.id << " " << d.pipeline << "/" << d.stage << " " << d.input_kind << " '" << d.item
      << "' attempts " << d.attempts << ": " << d.error;
}

}  // namespace sluice::host
