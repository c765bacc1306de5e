#include "net/politeness.hpp"

#include <thread>

namespace sluice::plugins::net {

Politeness::Politeness(std::chrono::milliseconds delay, std::function<void(Clock::duration)> sleep)
    : delay_(delay), sleep_(std::move(sleep)) {
  if (!sleep_) sleep_ = [](Clock::duration d) { std::this_thread::sleep_for(d); };
}

void Politeness::wait(std::string_view host) {
  std::string key;
  for (const char c : host) key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  auto it = last_.find(key);
  if (it != last_.end() && delay_.count() > 0) {
    const auto due = it->second + delay_;
    const auto now = Clock::now();
    if (now < due) sleep_(due - now);
  }
  last_[key] = Clock::now();
}

}  // namespace sluice::plugins::net
