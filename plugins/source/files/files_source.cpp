#include "files_source.hpp"

#include <chrono>
#include <system_error>
#include <utility>

#include "content_type.hpp"
#include "file_reader.hpp"
#include "file_uri.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::files {
namespace fs = std::filesystem;
namespace {

// Relative paths resolve against StageInit::base_dir (the config file's
// directory) when the host gives one, else against the working directory.
// Errors need no "files:" prefix: the host names the stage and plugin.
fs::path resolve_root(const sdk::StageInit& init, const std::string& path) {
  if (path.empty()) throw sdk::StageError("option 'path' is empty");
  fs::path root = sdk::resolve_path(init, path);
  // "dir/" normalises to "dir/" (empty filename); drop it so joins and URIs
  // don't get a doubled separator.
  if (!root.has_filename() && root != root.root_path()) root = root.parent_path();

  // Name the path as written and, when it differs, where it resolved to.
  std::string shown = "'" + path + "'";
  if (root.string() != path) shown += " (resolved to '" + root.string() + "')";
  std::error_code ec;
  const auto status = fs::status(root, ec);  // follows a root that is a link
  if (!fs::exists(status)) {
    const bool unusual = ec && ec != std::errc::no_such_file_or_directory;
    throw sdk::StageError("directory " + shown + " does not exist" +
                          (unusual ? ": " + ec.message() : std::string()));
  }
  if (!fs::is_directory(status)) throw sdk::StageError(shown + " is not a directory");
  return root;
}

std::vector<std::string> include_patterns(const sdk::Options& options) {
  auto patterns = options.strings("include");
  if (patterns.empty()) throw sdk::StageError("option 'include' is empty, so no file would ever be read");
  return patterns;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string file_name(const std::string& relative) {
  const auto slash = relative.rfind('/');
  return slash == std::string::npos ? relative : relative.substr(slash + 1);
}

}  // namespace

FilesSource::FilesSource(const sdk::StageInit& init)
    : root_(resolve_root(init, init.options.string("path"))),
      filter_(include_patterns(init.options), init.options.strings("exclude")),
      listing_options_{.recursive = init.options.boolean("recursive"),
                       .include_hidden = init.options.boolean("include_hidden"),
                       .follow_symlinks = init.options.boolean("follow_symlinks")},
      content_type_(init.options.string("content_type")),
      max_size_(init.options.size("max_size")),
      log_(init.log),
      state_(init.options.boolean("incremental") ? init.state : nullptr) {
  if (max_size_ == 0) throw sdk::StageError("option 'max_size' must be greater than 0");
}

bool FilesSource::next(sdk::RawDocument& out) {
  if (!listing_) listing_.emplace(root_, filter_, listing_options_, log_);
  while (const std::string* relative = listing_->next()) {
    if (deliver(*relative, out)) return true;
  }
  return false;
}

bool FilesSource::deliver(const std::string& relative, sdk::RawDocument& out) {
  const fs::path path = root_ / relative;
  const FileRead read = read_file(path, max_size_, listing_options_.follow_symlinks, out.bytes);
  if (read.status == FileRead::Status::Vanished) {
    if (log_ != nullptr) log_->warn("'" + relative + "' was removed after the listing (skipped)");
    return false;
  }

  // Fingerprint: size, mtime and content hash. A file whose fingerprint an
  // earlier run acknowledged is skipped; touching it without a change in
  // content still skips it, by the hash.
  std::string fingerprint;
  if (state_ != nullptr && read.status == FileRead::Status::Ok) {
    fingerprint = std::to_string(read.size) + ":" + std::to_string(read.mtime_ms) + ":" +
                  sdk::hex64(XXH3_64bits(out.bytes.data(), out.bytes.size()));
    if (already_delivered(relative, fingerprint)) return false;
  }

  out.uri = file_uri(path.string());
  out.key = relative;
  out.content_type = content_type_.empty() ? guess_content_type(file_name(relative)) : content_type_;
  out.fetched_at_ms = now_ms();
  out.cursor = relative;

  sdk::Map meta;
  if (read.stat_known) {
    meta["size"] = static_cast<std::int64_t>(read.size);
    meta["mtime_ms"] = read.mtime_ms;
  }
  // A file that cannot be delivered whole still becomes a document, with
  // empty bytes and meta "error": the run goes on, and the failure reaches
  // the parser and the dead-letter store under the file's own name instead
  // of disappearing or stopping every other file.
  if (read.status == FileRead::Status::Oversize) meta["oversize"] = true;
  if (read.status != FileRead::Status::Ok) meta["error"] = read.error;
  out.meta = sdk::Value(std::move(meta));
  if (state_ != nullptr) pending_.emplace_back(relative, std::move(fingerprint));
  return true;
}

bool FilesSource::already_delivered(const std::string& relative, const std::string& fingerprint) const {
  const auto saved = state_->get("file/" + relative);
  if (!saved) return false;
  if (*saved == fingerprint) return true;
  // Same content under a new mtime: compare the hash after the second ':'.
  const auto hash_of = [](const std::string& f) { return f.substr(f.rfind(':') + 1); };
  return hash_of(*saved) == hash_of(fingerprint);
}

void FilesSource::acknowledge(std::string_view cursor) {
  acknowledged_.assign(cursor);
  if (state_ == nullptr) return;
  while (!pending_.empty()) {
    auto [relative, fingerprint] = std::move(pending_.front());
    pending_.pop_front();
    if (!fingerprint.empty()) state_->put("file/" + relative, fingerprint);
    if (relative == cursor) break;
  }
}

}  // namespace sluice::plugins::files
