// The `stdout` sink: one canonical JSON article per line on standard
// output, so `cat in | sluice run cfg.toml | jq` works.
#pragma once

#include <span>
#include <string>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::stdout_sink {

class StdoutSink final : public sdk::Sink {
 public:
  // `fd` is the descriptor to write: standard output, or a pipe in tests.
  explicit StdoutSink(const sdk::StageInit& init, int fd = 1);

  // Writes the whole batch with as few write(2) calls as the pipe allows,
  // before returning: the reader sees each batch as soon as it is stored.
  // A closed or failing stdout throws sdk::StageError.
  void write(std::span<const sdk::Article> batch) override;

 private:
  int fd_;
  std::string buffer_;  // one batch of lines, reused
};

}  // namespace sluice::plugins::stdout_sink
