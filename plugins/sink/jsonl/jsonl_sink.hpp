// The `jsonl` sink: one canonical JSON object (sdk::json::append_article)
// per article per line, appended to one file.
#pragma once

#include <span>
#include <string>

#include "line_file.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::jsonl {

class JsonlSink final : public sdk::Sink {
 public:
  // Options: path (required), mode ("append" | "truncate"), fsync (bool).
  explicit JsonlSink(const sdk::StageInit& init);

  // Appends the batch with one write(2) loop; with fsync it is durable when
  // this returns. Throws sdk::StageError and leaves no partial line behind.
  void write(std::span<const sdk::Article> batch) override;
  void close() override;
  // The committed offset: the file's length after the last acknowledged batch.
  std::string commit_token() override;
  void recover(std::string_view token) override;

 private:
  LineFile file_;
  sdk::Log* log_;
  std::string buffer_;  // reused across batches: one growth, no per-article allocations
};

}  // namespace sluice::plugins::jsonl
