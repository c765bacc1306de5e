#include "jsonl_sink.hpp"

#include <charconv>
#include <optional>

#include "sluice/sdk/json.hpp"
#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::jsonl {
namespace {

// A batch buffer larger than this is released after the write instead of
// being kept for the next batch (one huge batch should not pin memory).
constexpr std::size_t kMaxRetainedBuffer = 16 * 1024 * 1024;

// Stage-state key holding the file's length when the last run closed the
// sink cleanly. Bytes past the checkpoint with this mark equal to the
// checkpoint were appended after that run ended, by somebody else.
constexpr std::string_view kClosedAtKey = "closed_at";

JsonlSink::Mode parse_mode(const std::string& mode) {
  if (mode == "append") return JsonlSink::Mode::kAppend;
  if (mode == "truncate") return JsonlSink::Mode::kTruncate;
  if (mode == "replace") return JsonlSink::Mode::kReplace;
  throw sdk::StageError("jsonl: option 'mode' must be \"append\", \"truncate\" or \"replace\", not \"" +
                        mode + "\"");
}

// Options are checked before the file system is touched.
LineFile open_file(const sdk::StageInit& init) {
  parse_mode(init.options.string("mode"));
  const bool durable = init.options.boolean("fsync");
  // Relative to the config file's directory; parent directories are created.
  return LineFile(sdk::resolve_output_path(init, init.options.string("path"), "jsonl"), durable, init.log);
}

std::uint64_t parse_token(std::string_view token) {
  std::uint64_t committed = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), committed);
  if (ec != std::errc() || end != token.data() + token.size())
    throw sdk::StageError("jsonl: unreadable commit token \"" + std::string(token) + "\"");
  return committed;
}

}  // namespace

JsonlSink::JsonlSink(const sdk::StageInit& init)
    : mode_(parse_mode(init.options.string("mode"))),
      file_(open_file(init)),
      log_(init.log),
      state_(init.state) {
  // Without a state database there is never a checkpoint, and the host
  // calls no recover(): truncate and replace start every run empty here.
  if (state_ == nullptr && mode_ != Mode::kAppend) empty_file("there is no state database to resume from");
}

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

void JsonlSink::close() {
  // The host committed its last checkpoint before close(); if that covered
  // every write, this mark equals it (see recover()).
  if (state_ != nullptr) state_->put(kClosedAtKey, std::to_string(file_.size()));
  file_.close();
}

std::string JsonlSink::commit_token() { return std::to_string(file_.size()); }

// The rules, in order (docs/reliability.md, "Sinks"):
//  - kResetOutput: the operator asked to start over: empty the file.
//  - mode replace: every run starts over: empty the file.
//  - no token: see recover_without_checkpoint().
//  - file shorter than the token: committed lines are gone (the file was cut
//    or replaced outside sluice, or fsync = false met a power loss). Refuse:
//    extending would write NUL bytes and guessing would hide the loss.
//  - file longer than the token: if the last run closed the sink cleanly at
//    exactly the token, the extra bytes were appended afterwards by another
//    process: keep them and say so. Otherwise they are this sink's own
//    writes after the last checkpoint: cut them, the host delivers them again.
void JsonlSink::recover(std::string_view token) {
  std::optional<std::string> closed_at;
  if (state_ != nullptr) {
    closed_at = state_->get(kClosedAtKey);
    // Cleared before this run writes (the host stores it before any write),
    // so a crash of this run never passes its own bytes off as foreign.
    state_->erase(kClosedAtKey);
  }
  if (token == sdk::kResetOutput) {
    empty_file("the run was started with --reset-output");
    return;
  }
  if (mode_ == Mode::kReplace) {
    empty_file("mode = \"replace\" starts the file over at every run");
    return;
  }
  if (token.empty()) {
    recover_without_checkpoint();
    return;
  }
  const std::uint64_t committed = parse_token(token);
  const std::uint64_t size = file_.size();
  const std::string path = file_.path().string();
  if (size < committed)
    throw sdk::StageError(
        "jsonl: " + path + " is " + std::to_string(size) + " bytes, shorter than the " +
        std::to_string(committed) +
        " bytes its last checkpoint recorded: it was cut or replaced outside sluice (or lost "
        "to a power failure with fsync = false), so acknowledged articles are missing from it");
  if (size == committed) return;
  const std::uint64_t extra = size - committed;
  if (closed_at && *closed_at == token) {
    if (log_ != nullptr)
      log_->warn("jsonl: kept " + std::to_string(extra) + " bytes after byte " + std::string(token) + " of " +
                 path +
                 ": the last run ended cleanly there, so another process appended them; they are not "
                 "articles of this sink and new lines follow them");
    return;
  }
  if (const auto removed = file_.cut_to(committed); removed > 0 && log_ != nullptr)
    log_->warn("jsonl: dropped " + std::to_string(removed) + " bytes written after the last checkpoint of " +
               path + "; they are delivered again");
}

// No checkpoint: the sink's first run, or the state database was deleted or
// reset, so the sources may deliver everything again. An empty file is
// simply started; `truncate` empties a non-empty one (that is what the mode
// means); `append` refuses, since appending would duplicate what is there.
void JsonlSink::recover_without_checkpoint() {
  const std::uint64_t size = file_.size();
  if (size == 0) return;
  if (mode_ != Mode::kAppend) {
    empty_file("mode = \"truncate\" and the state database holds no checkpoint for this sink");
    return;
  }
  throw sdk::StageError("jsonl: " + file_.path().string() + " already holds " + std::to_string(size) +
                        " bytes, but the state database has no checkpoint for this sink (its state was "
                        "deleted or reset, or the file comes from elsewhere); appending to it could "
                        "write the same articles twice");
}

void JsonlSink::empty_file(const std::string& why) {
  const auto removed = file_.cut_to(0);
  if (removed > 0 && log_ != nullptr)
    log_->warn("jsonl: emptied " + file_.path().string() + " (" + std::to_string(removed) +
               " bytes) because " + why);
}

}  // namespace sluice::plugins::jsonl
