// Splits a byte stream (standard input) into documents as it arrives:
// only the current document and one read buffer are ever in memory.
#pragma once

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

  // The next document's bytes, or nothing at end of input. A document over
  // `max_size` is skipped to its end and throws sdk::StageError naming its
  // number; the call after that goes on with the next document. Read errors
  // throw sdk::StageError too.
  std::optional<std::string> next();

  // 1-based number of the document last returned (or skipped).
  std::size_t number() const { return number_; }

 private:
  enum class Line { Complete, Last, End };
  // Appends the next line, without its "\n", to `out` while `out` stays
  // within `limit` bytes (the rest of a longer line is dropped and
  // `overflow` set).
  Line read_line(std::string& out, std::size_t limit, bool& overflow);
  bool fill();  // false at end of input

  int fd_;
  Framing framing_;
  std::string delimiter_;
  std::size_t max_size_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::size_t number_ = 0;
};

}  // namespace sluice::plugins::stdin_source
