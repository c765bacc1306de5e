// Splits a byte stream (standard input) into documents as it arrives:
// only the current document and one read buffer are ever in memory.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sluice::plugins::stdin_source {

enum class Framing {
  Delimited,  // documents end at a line equal to the delimiter, or at EOF
  Lines,      // every non-blank line is a document
};

class DocumentReader {
 public:
  // Reads `fd` (not owned). `delimiter` is used with Framing::Delimited.
  DocumentReader(int fd, Framing framing, std::string delimiter, std::size_t max_size);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // The next document's bytes, or nothing at end of input. A document over
  // `max_size` is skipped to its end and throws sdk::StageError naming its
  // number; the call after that goes on with the next document. Read errors
  // throw sdk::StageError too.
  std::optional<std::string> next();

  // From another thread: a next() waiting for input returns nothing, and so
  // does every later call. A document half read then is dropped: the run is
  // stopping, and standard input cannot be read again either way.
  void interrupt();

  // 1-based number of the document last returned (or skipped).
  std::size_t number() const { return number_; }

 private:
  enum class Line { Complete, Last, End };
  // Appends the next line, without its "\n", to `out` while `out` stays
  // within `limit` bytes (the rest of a longer line is dropped and
  // `overflow` set).
  Line read_line(std::string& out, std::size_t limit, bool& overflow);
  std::optional<std::string> read_document();
  bool fill();  // false at end of input; throws Interrupted after interrupt()
  struct Interrupted {};

  int fd_;
  Framing framing_;
  std::string delimiter_;
  std::size_t max_size_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  // interrupt() raises the flag and writes to this eventfd, which fill()
  // polls beside the input, so a read that waits for data is woken.
  int wake_fd_ = -1;
  std::atomic<bool> interrupted_{false};
  std::size_t number_ = 0;
};

}  // namespace sluice::plugins::stdin_source
