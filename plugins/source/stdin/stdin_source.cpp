#include "stdin_source.hpp"

#include <chrono>

namespace sluice::plugins::stdin_source {
namespace {

Framing framing_of(const std::string& format) {
  if (format == "text") return Framing::Delimited;
  if (format == "jsonl") return Framing::Lines;
  throw sdk::StageError("stdin: option 'format' must be \"text\" or \"jsonl\", got \"" + format + "\"");
}

std::string checked_delimiter(std::string delimiter) {
  // Matched against one line: "\n\n---\n\n" means the line "---" (the
  // blank lines around it end up in the documents, where parsers ignore
  // them), and a line end inside it could never match.
  const auto first = delimiter.find_first_not_of("\r\n");
  delimiter = first == std::string::npos
                  ? ""
                  : delimiter.substr(first, delimiter.find_last_not_of("\r\n") - first + 1);
  if (delimiter.empty() || delimiter.find('\n') != std::string::npos)
    throw sdk::StageError(
        "stdin: option 'delimiter' must be one line of text (surrounding newlines are ignored)");
  return delimiter;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

StdinSource::StdinSource(const sdk::StageInit& init, int fd)
    : reader_(fd, framing_of(init.options.string("format")),
              checked_delimiter(init.options.string("delimiter")), init.options.size("max_document_size")),
      content_type_(init.options.string("content_type")) {
  if (content_type_.empty())
    content_type_ = init.options.string("format") == "jsonl" ? "application/json" : "text/plain";
}

bool StdinSource::next(sdk::RawDocument& out) {
  auto bytes = reader_.next();
  if (!bytes) return false;
  out = sdk::RawDocument{};
  out.uri = "stdin:#" + std::to_string(reader_.number());
  out.key = out.uri;
  out.content_type = content_type_;
  out.bytes = std::move(*bytes);
  out.fetched_at_ms = now_ms();
  out.cursor = out.uri;
  return true;
}

}  // namespace sluice::plugins::stdin_source
