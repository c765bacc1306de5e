#include "thread_cpu.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace sluice::bench {
namespace {

// utime + stime (fields 14 and 15 of /proc/<pid>/task/<tid>/stat); the
// command name (field 2) may hold spaces, so fields count after its ')'.
long thread_ticks(const std::string& stat_path) {
  std::ifstream in(stat_path);
  std::string line;
  if (!std::getline(in, line)) return -1;
  const auto close = line.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(line.substr(close + 2));
  std::string skip;
  for (int field = 3; field < 14; ++field) fields >> skip;
  long utime = 0, stime = 0;
  fields >> utime >> stime;
  return fields ? utime + stime : -1;
}

}  // namespace

ThreadCpuSampler::ThreadCpuSampler(pid_t pid, std::chrono::milliseconds interval)
    : pid_(pid), interval_(interval), thread_([this] { run(); }) {}

ThreadCpuSampler::~ThreadCpuSampler() { stop(); }

void ThreadCpuSampler::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void ThreadCpuSampler::sample() {
  const std::string task_dir = "/proc/" + std::to_string(pid_) + "/task";
  DIR* handle = ::opendir(task_dir.c_str());
  if (handle == nullptr) return;
  while (const dirent* entry = ::readdir(handle)) {
    if (entry->d_name[0] == '.') continue;
    const long ticks = thread_ticks(task_dir + "/" + entry->d_name + "/stat");
    if (ticks < 0) continue;
    std::lock_guard lock(mu_);
    ticks_[static_cast<pid_t>(std::stol(entry->d_name))] = ticks;
  }
  ::closedir(handle);
}

void ThreadCpuSampler::run() {
  while (!stop_.load()) {
    sample();
    std::this_thread::sleep_for(interval_);
  }
}

std::string ThreadCpuSampler::summary() const {
  std::lock_guard lock(mu_);
  if (ticks_.empty()) return "-";
  const double per_second = static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::string out;
  for (const auto& [tid, ticks] : ticks_) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.2f", out.empty() ? "" : ",", static_cast<double>(ticks) / per_second);
    out += buf;
  }
  return out;
}

}  // namespace sluice::bench
