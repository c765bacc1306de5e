#include "schedule_text.hpp"

#include "cron_parser.hpp"
#include "sluice/host/options_schema.hpp"

namespace sluice::host::schedule {

std::string parse_schedule_text(const std::string& text, Schedule& out) {
  out.text = text;
  if (text == "once") {
    out.kind = Schedule::Kind::once;
    return {};
  }
  if (text.starts_with("every ")) {
    std::int64_t ms = 0;
    if (parse_duration_ms(text.substr(6), ms) && ms > 0) {
      out.kind = Schedule::Kind::every;
      out.interval = std::chrono::milliseconds(ms);
      return {};
    }
  } else if (text.starts_with("cron ")) {
    auto parsed = parse_cron(text.substr(5));
    if (!parsed.error.empty()) return "schedule \"" + text + "\": " + parsed.error;
    out.kind = Schedule::Kind::cron;
    out.cron = parsed.spec;
    return {};
  }
  return "schedule \"" + text + "\" is not \"once\", \"every <duration>\" or \"cron <expression>\"";
}

}  // namespace sluice::host::schedule
