#include "runtime/memory_stages.hpp"

#include <iterator>

#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/toolchain.h"

namespace sluice::host::detail {

// ---- PushChannel ----
std::future<Ack> PushChannel::push(sdk::RawDocument doc) {
  std::unique_lock lock(mu_);
  writable_.wait(lock, [&] { return queue_.size() < capacity_ || closed_ || !ended_.empty(); });
  if (!ended_.empty()) throw RunError("cannot push: " + ended_);
  if (closed_) throw RunError("cannot push after close()");
  const std::uint64_t seq = pushed_++;
  // The cursor is the push's number: acknowledgements name it, and the
  // dead letters of a document with no key of its own still say which.
  doc.cursor = std::to_string(seq);
  if (doc.key.empty() && doc.uri.empty()) doc.key = "pushed #" + doc.cursor;
  auto future = waiting_[seq].get_future();
  queue_.push_back(std::move(doc));
  lock.unlock();
  readable_.notify_one();
  return future;
}

void PushChannel::close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  readable_.notify_all();
  writable_.notify_all();
}

bool PushChannel::next(sdk::RawDocument& out) {
  std::unique_lock lock(mu_);
  readable_.wait(lock, [&] { return !queue_.empty() || closed_ || interrupted_; });
  if (interrupted_ || queue_.empty()) return false;
  out = std::move(queue_.front());
  queue_.pop_front();
  lock.unlock();
  writable_.notify_one();
  return true;
}

void PushChannel::interrupt() {
  {
    std::lock_guard lock(mu_);
    interrupted_ = true;
  }
  readable_.notify_all();
}

void PushChannel::done(const DocumentDone& d) {
  std::promise<Ack> promise;
  {
    std::lock_guard lock(mu_);
    auto it = waiting_.find(d.seq);
    if (it == waiting_.end()) return;
    promise = std::move(it->second);
    waiting_.erase(it);
  }
  promise.set_value(Ack{d.seq, d.articles, d.errors});
}

void PushChannel::end(const std::string& why) {
  std::map<std::uint64_t, std::promise<Ack>> unfinished;
  {
    std::lock_guard lock(mu_);
    ended_ = why;
    unfinished.swap(waiting_);
    queue_.clear();
  }
  writable_.notify_all();
  readable_.notify_all();
  for (auto& [seq, promise] : unfinished)
    promise.set_exception(std::make_exception_ptr(
        RunError("document pushed as #" + std::to_string(seq) + " was not stored: " + why)));
}

// ---- PullChannel ----
void PullChannel::write(std::span<const sdk::Article> batch) {
  for (const auto& a : batch) {
    std::unique_lock lock(mu_);
    writable_.wait(lock, [&] { return queue_.size() < capacity_ || abandoned_; });
    // Thrown, so the runner treats the batch as not stored: nothing of it
    // is acknowledged (the articles already queued may be pulled twice
    // after a rerun: at-least-once).
    if (abandoned_) throw sdk::StageError("the run gave up its queue before the articles were pulled");
    queue_.push_back(a);
    lock.unlock();
    readable_.notify_one();
  }
}

void PullChannel::abandon() {
  {
    std::lock_guard lock(mu_);
    abandoned_ = true;
  }
  writable_.notify_all();
}

void PullChannel::finish() {
  {
    std::lock_guard lock(mu_);
    finished_ = true;
  }
  readable_.notify_all();
}

std::optional<sdk::Article> PullChannel::pull(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  readable_.wait_for(lock, timeout, [&] { return !queue_.empty() || finished_; });
  if (queue_.empty()) return std::nullopt;
  std::optional<sdk::Article> out(std::move(queue_.front()));
  queue_.pop_front();
  lock.unlock();
  writable_.notify_one();
  return out;
}

namespace {

// ---- the stages ----
class PushSource : public sdk::Source {
 public:
  explicit PushSource(std::shared_ptr<PushChannel> channel) : channel_(std::move(channel)) {}
  bool next(sdk::RawDocument& out) override { return channel_->next(out); }
  // Acknowledgements reach the pushers through RunOptions::on_document,
  // which carries each document's outcome; the cursor alone does not.
  void interrupt() override { channel_->interrupt(); }

 private:
  std::shared_ptr<PushChannel> channel_;
};

class PullSink : public sdk::Sink {
 public:
  explicit PullSink(std::shared_ptr<PullChannel> channel) : channel_(std::move(channel)) {}
  void write(std::span<const sdk::Article> batch) override { channel_->write(batch); }

 private:
  std::shared_ptr<PullChannel> channel_;
};

// The descriptors' factories: reached only outside Host::start, where no
// program is on the other end.
void* refuse_push(const void*) {
  throw std::runtime_error(
      "the push source is fed by a program embedding sluice (Host::start, RunHandle::push); this run has no "
      "one to push documents");
}
void* refuse_pull(const void*) {
  throw std::runtime_error(
      "the pull sink hands articles to a program embedding sluice (Host::start, RunHandle::pull); this run "
      "has no one to pull them");
}

constexpr sluice_option_desc kPushOptions[] = {
    {.name = "capacity",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "256",
     .description = "Pushed documents that may wait for the pipeline; push() blocks while this many wait.",
     .example_toml = "1024"},
};
constexpr sluice_option_desc kPullOptions[] = {
    {.name = "capacity",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "1024",
     .description = "Stored articles that may wait for pull(); the pipeline waits while this many do.",
     .example_toml = "4096"},
};

}  // namespace

namespace {

sluice_plugin_descriptor builtin_descriptor(std::uint32_t kind, const char* name, const char* description,
                                            const sluice_option_desc* options, std::uint32_t option_count,
                                            std::uint32_t flags, void* (*create)(const void*)) {
  sluice_plugin_descriptor d{};
  d.magic = SLUICE_PLUGIN_MAGIC;
  d.descriptor_size = sizeof(sluice_plugin_descriptor);
  d.abi_major = SLUICE_SDK_ABI_MAJOR;
  d.abi_minor = SLUICE_SDK_ABI_MINOR;
  d.toolchain = SLUICE_TOOLCHAIN_TAG;
  d.kind = kind;
  d.flags = flags;
  d.name = name;
  d.version = "1.0.0";
  d.description = description;
  d.options = options;
  d.option_count = option_count;
  d.create = create;
  d.destroy = [](void* stage) { delete static_cast<sdk::Stage*>(stage); };
  return d;
}

}  // namespace

const sluice_plugin_descriptor* push_source_descriptor() {
  // THREAD_SAFE: acknowledged while next() waits for the next push, so an
  // idle producer never holds up the acknowledgement of what it sent.
  static const sluice_plugin_descriptor d = builtin_descriptor(
      SLUICE_KIND_SOURCE, "push", "Documents an embedding program pushes (RunHandle::push)", kPushOptions,
      std::size(kPushOptions), SLUICE_PLUGIN_FLAG_THREAD_SAFE, &refuse_push);
  return &d;
}

const sluice_plugin_descriptor* pull_sink_descriptor() {
  static const sluice_plugin_descriptor d =
      builtin_descriptor(SLUICE_KIND_SINK, "pull", "Articles an embedding program pulls (RunHandle::pull)",
                         kPullOptions, std::size(kPullOptions), 0, &refuse_pull);
  return &d;
}

std::shared_ptr<sdk::Stage> make_push_source(std::shared_ptr<PushChannel> channel) {
  return std::make_shared<PushSource>(std::move(channel));
}
std::shared_ptr<sdk::Stage> make_pull_sink(std::shared_ptr<PullChannel> channel) {
  return std::make_shared<PullSink>(std::move(channel));
}

}  // namespace sluice::host::detail
