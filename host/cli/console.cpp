#include "console.hpp"

#include <signal.h>

#include <ctime>
#include <filesystem>

#include "sluice/host/stage_check.hpp"
#include "sluice/host/state_check.hpp"

namespace sluice::cli {
namespace {
std::atomic<bool> g_stop{false};  // the one process-wide flag a signal handler may touch
extern "C" void on_stop_signal(int) { g_stop.store(true); }
}  // namespace

const std::atomic<bool>* install_stop_signals() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  return &g_stop;
}

namespace {

void print_invalid(const std::string& file, const host::ConfigErrors& e) {
  std::cerr << e.what() << "\n";
  std::cerr << "sluice: " << file << " is invalid (" << e.errors().size()
            << (e.errors().size() == 1 ? " error)" : " errors)") << "\n";
}

}  // namespace

bool check_stages_or_report(const host::Host& h, const std::string& file, const host::Config& config) {
  try {
    host::check_stages(config, h.registry());
    return true;
  } catch (const host::ConfigErrors& e) {
    print_invalid(file, e);
  }
  return false;
}

bool load_config_or_report(host::Host& h, const std::string& file, host::Config& out) {
  try {
    out = h.load_config_file(file);
    if (out.host.state.empty()) out.host.state = kDefaultStatePath;
    print_refusals(h);
    return true;
  } catch (const host::ConfigErrors& e) {
    print_refusals(h);
    print_invalid(file, e);
  } catch (const host::ConfigError& e) {
    print_refusals(h);
    std::cerr << e.what() << "\n";
  }
  return false;
}

std::filesystem::path state_path(const std::string& state_option, const std::string& config_option) {
  std::filesystem::path path = state_option;
  if (path.empty() && !config_option.empty()) {
    path = host::read_host_settings(host::read_text_file(config_option), config_option).state;
  }
  if (path.empty()) path = kDefaultStatePath;
  return path;
}

std::unique_ptr<host::StateDb> open_state(const std::string& state_option, const std::string& config_option) {
  const auto path = state_path(state_option, config_option);
  if (!std::filesystem::exists(path))
    throw std::runtime_error("no state database at " + path.string() +
                             " (nothing has run yet, or pass --state FILE)");
  return std::make_unique<host::StateDb>(path);
}

void report_unusable_state(const std::string& verb, const host::StateDbUnusable& e) {
  // Named absolutely: the config may have named it relative to its own directory.
  std::error_code ec;
  auto absolute = std::filesystem::absolute(e.file(), ec);
  const auto file = (ec ? e.file() : absolute).string();
  std::cerr
      << "sluice " << verb << ": " << e.what() << "\n"
      << "  Nothing was run or changed. To go on, either\n"
      << "    restore " << file << " from a backup (with its -wal file, if any),\n"
      << "    see what it holds:      sluice state check --state " << file << "\n"
      << "    or start from empty state: sluice run CONFIG --reset-state (or serve ... --reset-state);\n"
      << "      the file is moved aside, not deleted, and sources read their input again from the start.\n";
}

OptionSpec reset_state_option() {
  return {"--reset-state", "",
          "move the state database aside (to FILE.bad-TIME, never deleted) and start with empty state"};
}

void reset_state(const host::Config& config) {
  const auto& file = config.host.state;
  if (file.empty() || !std::filesystem::exists(file)) {
    std::cerr << "sluice: --reset-state: no state database at " << file.string()
              << "; starting with empty state\n";
    return;
  }
  const auto aside = host::move_state_aside(file);
  std::cerr << "sluice: --reset-state: moved " << file.string() << " to " << aside.string()
            << "; starting with empty state\n";
}

std::string format_time(std::int64_t ms) {
  if (ms <= 0) return "-";
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace sluice::cli
