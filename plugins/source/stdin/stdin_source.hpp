// The `stdin` source: documents from the process's standard input, read as
// they arrive (`cat feed.jsonl | sluice run cfg.toml`). End of input ends
// the source.
#pragma once

#include <string>

#include "document_reader.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::stdin_source {

class StdinSource final : public sdk::Source {
 public:
  // Options: format, delimiter, content_type, max_document_size. Throws
  // sdk::StageError for an unknown format or a delimiter holding a newline.
  // `fd` is the descriptor to read: standard input, or a pipe in tests.
  explicit StdinSource(const sdk::StageInit& init, int fd = 0);

  // The next document: URI and key "stdin:#N" (N counts from 1 per run),
  // content type as configured. Blocks until a whole document has arrived.
  bool next(sdk::RawDocument& out) override;
  // A stop wakes a next() waiting for input; it returns false from then on.
  void interrupt() override { reader_.interrupt(); }

 private:
  DocumentReader reader_;
  std::string content_type_;
};

}  // namespace sluice::plugins::stdin_source
