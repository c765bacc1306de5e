#include "jsonl_sink.hpp"

#include <charconv>

#include "sluice/sdk/json.hpp"
#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::jsonl {
namespace {

// A batch buffer larger than this is released after the write instead of
// being kept for the next batch (one huge batch should not pin memory).
constexpr std::size_t kMaxRetainedBuffer = 16 * 1024 * 1024;

LineFile::Mode open_mode(const std::string& mode) {
  if (mode == "append") return LineFile::Mode::kAppend;
  if (mode == "truncate") return LineFile::Mode::kTruncate;
  throw sdk::StageError("jsonl: option 'mode' must be \"append\" or \"truncate\", not \"" + mode + "\"");
}

// Options are checked before the file system is touched.
LineFile open_file(const sdk::StageInit& init) {
  const LineFile::Mode mode = open_mode(init.options.string("mode"));
  const bool durable = init.options.boolean("fsync");
  // Relative to the config file's directory; parent directories are created.
  return LineFile(sdk::resolve_output_path(init, init.options.string("path"), "jsonl"), mode, durable,
                  init.log);
}

}  // namespace

JsonlSink::JsonlSink(const sdk::StageInit& init) : file_(open_file(init)), log_(init.log) {}

void JsonlSink::write(std::span<const sdk::Article> batch) {
  if (batch.empty()) return;
  buffer_.clear();
  for (const sdk::Article& article : batch) {
    // append_string escapes '\n' inside values, so each article is one line.
    sdk::json::append_article(buffer_, article);
    buffer_.push_back('\n');
  }
  file_.append(buffer_);
  if (buffer_.capacity() > kMaxRetainedBuffer) std::string().swap(buffer_);
}

void JsonlSink::close() { file_.close(); }

std::string JsonlSink::commit_token() { return std::to_string(file_.size()); }

void JsonlSink::recover(std::string_view token) {
  if (token.empty()) return;  // nothing committed yet: keep the file as it is
  std::uint64_t committed = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), committed);
  if (ec != std::errc() || end != token.data() + token.size())
    throw sdk::StageError("jsonl: unreadable commit token \"" + std::string(token) + "\"");
  if (const auto removed = file_.truncate_to(committed); removed > 0 && log_ != nullptr)
    log_->warn("jsonl: dropped " + std::to_string(removed) + " bytes written after the last checkpoint of " +
               file_.path().string() + "; they are delivered again");
}

}  // namespace sluice::plugins::jsonl
