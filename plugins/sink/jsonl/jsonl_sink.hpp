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
  // append: keep lines across runs; a non-empty file without a checkpoint
  // (recover("")) is refused. truncate: the same, but such a file is
  // emptied. replace: empty the file at the start of every run (validated
  // to go only with sources that deliver everything every run).
  enum class Mode { kAppend, kTruncate, kReplace };

  // Options: path (required), mode ("append" | "truncate" | "replace"), fsync (bool).
  explicit JsonlSink(const sdk::StageInit& init);

  // Appends the batch with one write(2) loop; with fsync it is durable when
  // this returns. Throws sdk::StageError (sdk::StorageFull on a full disk)
  // and leaves no partial line behind.
  void write(std::span<const sdk::Article> batch) override;
  // Records that the run ended with the file at its last checkpoint, so
  // bytes found after it next time are known to be somebody else's.
  void close() override;
  // The committed offset: the file's length after the last acknowledged batch.
  std::string commit_token() override;
  // Cuts the file back to the committed offset (never extends it); see
  // jsonl_sink.cpp for the rules on foreign bytes and a missing checkpoint.
  void recover(std::string_view token) override;

 private:
  void recover_without_checkpoint();
  void empty_file(const std::string& why);

  Mode mode_;
  LineFile file_;
  sdk::Log* log_;
  sdk::StateStore* state_;  // null without a state database
  std::string buffer_;      // reused across batches: one growth, no per-article allocations
};

}  // namespace sluice::plugins::jsonl
