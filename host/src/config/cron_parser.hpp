// Parses the five fields of a cron expression (minute hour day-of-month month
// day-of-week) into a CronSpec: numbers, '*', ranges "a-b", steps "*/n" and
// "a-b/n", lists "a,b", month names JAN..DEC and day names SUN..SAT.
#pragma once

#include <string>
#include <string_view>

#include "sluice/host/schedule.hpp"

namespace sluice::host::schedule {

struct CronParse {
  CronSpec spec;
  std::string error;  // empty on success: "month field: 13 is out of range 1-12"
};

CronParse parse_cron(std::string_view fields);

}  // namespace sluice::host::schedule
