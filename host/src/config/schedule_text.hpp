// Reads a pipeline's `schedule` string: "once", "every <duration>" or
// "cron <minute hour day-of-month month day-of-week>".
#pragma once

#include <string>

#include "sluice/host/schedule.hpp"

namespace sluice::host::schedule {

// Fills kind, text, interval and cron of `out`. Returns the problem, or an
// empty string when the text is a valid schedule.
std::string parse_schedule_text(const std::string& text, Schedule& out);

}  // namespace sluice::host::schedule
