// When `sluice serve` runs a pipeline: the parsed form of a pipeline's
// `schedule`, `timezone`, `jitter`, `overlap` and `catch_up` keys
// (docs/scheduling.md describes them).
#pragma once

#include <bitset>
#include <chrono>
#include <string>
#include <string_view>

namespace sluice::host {

// A 5-field cron expression, expanded to the values each field selects.
struct CronSpec {
  std::bitset<60> minutes;
  std::bitset<24> hours;
  std::bitset<32> days_of_month;  // 1..31
  std::bitset<13> months;         // 1..12
  std::bitset<7> days_of_week;    // 0 = Sunday (7 is folded onto 0)
  // Vixie cron: a day field written starting with '*' does not restrict. When
  // both day fields restrict, a day matches if either matches.
  bool dom_star = true;
  bool dow_star = true;

  bool operator==(const CronSpec&) const = default;
};

struct Schedule {
  enum class Kind { once, every, cron };
  // A slot that comes due while the previous run of the pipeline still runs:
  // skip it, or queue one run to start when the current one ends.
  enum class Overlap { skip, queue };

  Kind kind = Kind::once;
  std::string text = "once";              // as written: "once", "every 15m", "cron */15 * * * *"
  std::chrono::milliseconds interval{0};  // Kind::every
  CronSpec cron;                          // Kind::cron
  std::string timezone;                   // Kind::cron: IANA zone name; empty = the host's zone
  std::chrono::milliseconds jitter{0};    // each run starts up to this much after its slot
  Overlap overlap = Overlap::skip;
  // After downtime, run once for the slots missed (never once per slot).
  bool catch_up = true;

  bool operator==(const Schedule&) const = default;
  // A schedule compares equal to the text it was written as.
  bool operator==(std::string_view written) const { return text == written; }
};

}  // namespace sluice::host
