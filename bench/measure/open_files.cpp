#include "open_files.hpp"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <string_view>

namespace sluice::bench {

OpenFileCounts count_open_files(pid_t pid, const std::string& dir) {
  OpenFileCounts counts;
  const std::string fd_dir = "/proc/" + std::to_string(pid) + "/fd";
  DIR* handle = ::opendir(fd_dir.c_str());
  if (handle == nullptr) return counts;
  const std::string prefix = dir + "/";
  char target[4096];
  while (const dirent* entry = ::readdir(handle)) {
    if (entry->d_name[0] == '.') continue;
    ++counts.total;
    const std::string link = fd_dir + "/" + entry->d_name;
    const ssize_t n = ::readlink(link.c_str(), target, sizeof target);
    if (n > 0 && std::string_view(target, static_cast<std::size_t>(n)).starts_with(prefix))
      ++counts.under_dir;
  }
  ::closedir(handle);
  return counts;
}

OpenFileSampler::OpenFileSampler(pid_t pid, std::string dir, std::chrono::milliseconds interval)
    : pid_(pid), dir_(std::move(dir)), interval_(interval), thread_([this] { run(); }) {}

OpenFileSampler::~OpenFileSampler() { stop(); }

void OpenFileSampler::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void OpenFileSampler::run() {
  while (!stop_.load()) {
    const OpenFileCounts c = count_open_files(pid_, dir_);
    max_under_dir_ = std::max(max_under_dir_, c.under_dir);
    max_total_ = std::max(max_total_, c.total);
    ++samples_;
    std::this_thread::sleep_for(interval_);
  }
}

}  // namespace sluice::bench
