// The built-in `push` source and `pull` sink: ordinary stages whose other
// end is a program holding a RunHandle. Documents pushed in go through the
// same runner as files or Kafka (parsers, enrichers, every sink, the
// checkpoint transaction, dead letters), so a push() future resolves at the
// point where a file source would be acknowledged.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include "sluice/host/pipeline_runner.hpp"
#include "sluice/host/run_handle.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::host::detail {

// Documents between RunHandle::push() and the push source's next(), with
// one promise per document until the runner reports it done.
class PushChannel {
 public:
  explicit PushChannel(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Blocks while `capacity` documents wait for the source (backpressure).
  std::future<Ack> push(sdk::RawDocument doc);
  void close();  // end of input: next() returns false once drained

  // The source's side. next() waits for a document, the end of input or
  // an interrupt; the pushes not read by then stay queued (and fail at end()).
  bool next(sdk::RawDocument& out);
  void interrupt();

  // The runner committed the document the source delivered as `seq`.
  void done(const DocumentDone& d);
  // The run is over: every document not reported done fails with `why`,
  // and push() refuses from now on.
  void end(const std::string& why);

 private:
  const std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable readable_, writable_;
  std::deque<sdk::RawDocument> queue_;
  std::map<std::uint64_t, std::promise<Ack>> waiting_;  // by push order
  std::uint64_t pushed_ = 0;
  bool closed_ = false, interrupted_ = false;
  std::string ended_;  // why the run ended; empty while it runs
};

// Articles between the pull sink's write() and RunHandle::pull().
class PullChannel {
 public:
  explicit PullChannel(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Blocks while the stream is full (backpressure), until the consumer
  // pulls or the run gives up its queue (then throws: nothing is acked).
  void write(std::span<const sdk::Article> batch);
  void abandon();  // wakes write() for good
  void finish();   // the run ended: pull() drains, then returns nothing

  std::optional<sdk::Article> pull(std::chrono::milliseconds timeout);

 private:
  const std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable readable_, writable_;
  std::deque<sdk::Article> queue_;
  bool abandoned_ = false, finished_ = false;
};

// The two plugins every Host registers. Created outside Host::start (by
// `sluice run`), they refuse to start with a message saying why.
const sluice_plugin_descriptor* push_source_descriptor();
const sluice_plugin_descriptor* pull_sink_descriptor();

std::shared_ptr<sdk::Stage> make_push_source(std::shared_ptr<PushChannel> channel);
std::shared_ptr<sdk::Stage> make_pull_sink(std::shared_ptr<PullChannel> channel);

}  // namespace sluice::host::detail
