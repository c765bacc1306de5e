// The log of long-running verbs (`serve`): every line carries a UTC
// timestamp and a level, as text for people or one JSON object per line for
// journald and log shippers. Whole lines under a lock, since runs log from
// several threads at once.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "cli_args.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::cli {

enum class LogLevel { Info = 0, Warn = 1 };
enum class LogFormat { Text, Json };

class StructuredLog final : public sdk::Log {
 public:
  StructuredLog(LogLevel level, LogFormat format) : level_(level), format_(format) {}
  void info(std::string_view m) override { write(LogLevel::Info, m); }
  void warn(std::string_view m) override { write(LogLevel::Warn, m); }

  // "2026-12-07T18:40:01.123Z INFO  message" or
  // {"ts":"2026-12-07T18:40:01.123Z","level":"info","msg":"message"}.
  static std::string format_line(LogFormat format, LogLevel level, std::string_view timestamp,
                                 std::string_view m);
  static std::string now_utc();

 private:
  void write(LogLevel level, std::string_view m);
  LogLevel level_;
  LogFormat format_;
  std::mutex mu_;
};

// --log-level info|warn and --log-format text|json, shared by the verbs that log.
std::vector<OptionSpec> log_options();
StructuredLog make_log(const Args& args);

}  // namespace sluice::cli
