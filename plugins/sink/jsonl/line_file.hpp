// The durable half of the JSONL sink: an append-only file that holds only
// complete lines between calls, whatever happened to an earlier process.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::jsonl {

class LineFile {
 public:
  // Opens (creating if needed) and locks `path` against other sinks. A
  // partial last line left by an interrupted write is cut off (reported
  // through `log`, which may be null). `durable` makes every append() and
  // cut return only after fdatasync. Throws sdk::StageError, or
  // sdk::StorageFull when the disk is full.
  LineFile(std::filesystem::path path, bool durable, sdk::Log* log);
  ~LineFile();
  LineFile(const LineFile&) = delete;
  LineFile& operator=(const LineFile&) = delete;

  // Appends `lines` (complete lines, each ending in '\n') with one write(2)
  // loop. On any failure the file is cut back to its previous size before
  // the error is thrown (sdk::StorageFull for ENOSPC/EDQUOT, else
  // sdk::StageError), so a retry never follows half a line.
  void append(std::string_view lines);

  // Cuts the file back to `length` bytes when it is longer and returns the
  // bytes removed; a file already at or below `length` is left alone (0).
  // Never extends the file: ftruncate beyond the end would write NUL bytes.
  std::uint64_t cut_to(std::uint64_t length);

  // Releases the file and its lock. Idempotent; append() afterwards throws.
  void close() noexcept;

  const std::filesystem::path& path() const { return path_; }
  // Bytes of complete lines in the file: the offset a checkpoint records.
  std::uint64_t size() const { return size_; }

 private:
  void open_locked(bool& created);
  bool cut_partial_tail();
  std::uint64_t size_on_disk() const;
  // ftruncate to `length` only if the file is longer (see cut_to).
  bool shrink_to(std::uint64_t length);
  [[noreturn]] void fail(std::string_view what, int error_number) const;
  [[noreturn]] void roll_back_and_fail(std::string_view what, int error_number);

  std::filesystem::path path_;
  bool durable_;
  sdk::Log* log_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  // Set when a failed append could not be cut back; the next append retries.
  bool dirty_tail_ = false;
};

}  // namespace sluice::plugins::jsonl
