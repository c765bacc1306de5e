// A pipeline running in the background of an embedding program
// (Host::start): documents pushed in, articles pulled out, a stop with a
// deadline. See docs/embedding.md.
//
//   [[pipeline.live.source]]        [[pipeline.live.sink]]
//   plugin = "push"                 plugin = "pull"
//
//   auto run = host.start(config, "live");
//   auto ack = run.push(doc);         // std::future<Ack>
//   auto article = run.pull(100ms);   // std::optional<sdk::Article>
//   run.close();                      // end of input
//   RunReport report = run.wait();
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sluice/host/errors.hpp"
#include "sluice/host/pipeline_runner.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::host {

// What became of one pushed document. The future resolves after the
// transaction that acknowledges the document: every sink stored its
// articles, or the failures are recorded (in the dead-letter store when
// the config names a state database). A document the run never finished
// (stopped, failed) makes the future throw RunError instead: at-least-once,
// push it again.
struct Ack {
  std::uint64_t sequence = 0;       // this push's number in the run, from 0
  std::size_t articles = 0;         // articles the document became
  std::vector<std::string> errors;  // "stage 'x': why", one per failure
  bool stored() const { return errors.empty(); }
};

class RunHandle {
 public:
  struct State;  // shared with the run's thread and its push/pull stages
  explicit RunHandle(std::shared_ptr<State> state);
  RunHandle(RunHandle&&) noexcept;
  RunHandle& operator=(RunHandle&&) noexcept;
  // A handle dropped while its run goes on stops it at once (stop(0)).
  ~RunHandle();

  const std::string& pipeline() const;

  // Hands a document to the pipeline's `push` source. Blocks while the
  // source's queue is full. Throws RunError when the pipeline has no push
  // source, after close(), or once the run has ended.
  std::future<Ack> push(sdk::RawDocument document);
  // End of input: the run finishes what was pushed, then ends by itself.
  void close();

  // The next article the pipeline's `pull` sink stored, waiting up to
  // `timeout`. Nothing when the time passed, or when the run has ended and
  // every article was pulled (see finished()). The stream is bounded: while
  // nobody pulls, the sink waits, and so does everything upstream of it.
  // Throws RunError when the pipeline has no pull sink.
  std::optional<sdk::Article> pull(std::chrono::milliseconds timeout);

  // Ends the run: sources stop (one waiting for data is interrupted), the
  // work in flight is finished and committed. What is still queued when
  // `deadline` has passed is abandoned: not acknowledged, so a rerun reads
  // it again, and its push() futures throw RunError. Returns the report.
  RunReport stop(std::chrono::milliseconds deadline);
  // Waits for the run to end and returns its report. Rethrows what kept
  // it from starting (ConfigErrors naming the stage that failed to start).
  RunReport wait();
  bool finished() const;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace sluice::host
