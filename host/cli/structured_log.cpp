#include "structured_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "sluice/sdk/json.hpp"

namespace sluice::cli {

std::string StructuredLog::now_utc() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  const auto n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms % 1000));
  return buf;
}

std::string StructuredLog::format_line(LogFormat format, LogLevel level, std::string_view timestamp,
                                       std::string_view m) {
  std::string line;
  if (format == LogFormat::Json) {
    sdk::json::ObjectWriter o(line);
    o.field("ts", timestamp);
    o.field("level", level == LogLevel::Warn ? "warn" : "info");
    o.field("msg", m);
  } else {
    line.append(timestamp).append(level == LogLevel::Warn ? " WARN  " : " INFO  ").append(m);
  }
  return line;
}

void StructuredLog::write(LogLevel level, std::string_view m) {
  if (level < level_) return;
  auto line = format_line(format_, level, now_utc(), m);
  line.push_back('\n');
  std::lock_guard lock(mu_);
  std::cerr << line << std::flush;
}

std::vector<OptionSpec> log_options() {
  return {{"--log-level",
           "LEVEL",
           "info (default) or warn: the least severe lines to print",
           false,
           {"info", "warn"}},
          {"--log-format",
           "FMT",
           "text (default) or json: one JSON object per line (journald, shippers)",
           false,
           {"text", "json"}}};
}

StructuredLog make_log(const Args& args) {
  const auto level = args.get("--log-level", "info");
  const auto format = args.get("--log-format", "text");
  if (level != "info" && level != "warn")
    throw UsageError("--log-level must be info or warn, not '" + level + "'");
  if (format != "text" && format != "json")
    throw UsageError("--log-format must be text or json, not '" + format + "'");
  return StructuredLog(level == "warn" ? LogLevel::Warn : LogLevel::Info,
                       format == "json" ? LogFormat::Json : LogFormat::Text);
}

}  // namespace sluice::cli
