#include "config/schedule_text.hpp"

#include "config/cron_parser.hpp"
#include "sluice/host/options_schema.hpp"

namespace sluice::host::schedule {

namespace {

// Five whitespace-separated fields made of cron characters only; anything
// else keeps the "is not once/every/cron" message rather than a cron parser
// error about a string that was never meant as one.
bool looks_like_bare_cron(const std::string& text) {
  int fields = 0;
  bool in_field = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_field) ++fields;
    in_field = !space;
    const bool cron_char = space || (c >= '0' && c <= '9') || c == '*' || c == '/' || c == ',' || c == '-' ||
                           (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '?';
    if (!cron_char) return false;
  }
  return fields == 5 && text.find_first_of("0123456789*") != std::string::npos;
}

}  // namespace

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
  } else if (text.starts_with("cron ") || looks_like_bare_cron(text)) {
    // A bare five-field expression is what people paste from crontab(5); the
    // "cron " prefix stays accepted and documented.
    const std::string expression = text.starts_with("cron ") ? text.substr(5) : text;
    auto parsed = parse_cron(expression);
    if (!parsed.error.empty()) return "schedule \"" + text + "\": " + parsed.error;
    out.kind = Schedule::Kind::cron;
    out.cron = parsed.spec;
    return {};
  }
  return "schedule \"" + text +
         "\" is not \"once\", \"every <duration>\", a cron expression (\"*/15 * * * *\") or \"cron "
         "<expression>\"";
}

}  // namespace sluice::host::schedule
