#include "file_listing.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <limits>
#include <queue>
#include <system_error>
#include <utility>

namespace sluice::plugins::files {
namespace fs = std::filesystem;
namespace {

// Device and inode identify a directory however it was reached.
using DirectoryId = std::pair<dev_t, ino_t>;

struct PendingDirectory {
  fs::path path;
  std::string relative;  // "" for the root
  // This directory and those above it on the way down. Reaching one of them
  // again (through "loop -> ..") is a cycle; reaching a directory twice by
  // different routes is not, and reads it under both names, like `find -L`.
  std::vector<DirectoryId> lineage;
};

bool directory_id(const fs::path& path, DirectoryId& id) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  id = {st.st_dev, st.st_ino};
  return true;
}

void warn(sdk::Log* log, const std::string& message) {
  if (log != nullptr) log->warn(message);
}

// One pass over the tree: the `window` smallest wanted paths greater than
// `after` (all of them when `after` is null), and whether more were seen.
class Walker {
 public:
  Walker(const PathFilter& filter, const ListingOptions& options, sdk::Log* log, const std::string* after,
         std::size_t window)
      : filter_(filter), options_(options), log_(log), after_(after), window_(window) {}

  std::vector<std::string> run(const fs::path& root, bool& more) {
    DirectoryId id{};
    if (!directory_id(root, id)) throw sdk::StageError("cannot stat directory '" + root.string() + "'");
    pending_.push_back({root, "", {id}});
    bool is_root = true;
    while (!pending_.empty()) {
      PendingDirectory dir = std::move(pending_.back());
      pending_.pop_back();
      list_directory(dir, is_root);
      is_root = false;
    }
    more = more_;
    std::vector<std::string> files = std::move(files_).take();
    std::sort(files.begin(), files.end());
    return files;
  }

 private:
  // Lists one directory completely before any other is opened, so a single
  // directory handle is open at a time however deep the tree.
  void list_directory(const PendingDirectory& dir, bool is_root) {
    std::error_code ec;
    fs::directory_iterator it(dir.path, ec);
    if (ec) {
      const std::string message = "cannot list directory '" + dir.path.string() + "': " + ec.message();
      if (is_root) throw sdk::StageError(message);
      warn(log_, message + " (skipped)");
      return;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      visit(*it, dir);
    }
    if (ec) warn(log_, "stopped listing '" + dir.path.string() + "' early: " + ec.message());
  }

  void visit(const fs::directory_entry& entry, const PendingDirectory& parent) {
    const std::string name = entry.path().filename().string();
    if (!options_.include_hidden && name.starts_with('.')) return;
    const std::string relative = parent.relative.empty() ? name : parent.relative + "/" + name;

    std::error_code ec;
    fs::file_status status;
    if (entry.is_symlink(ec)) {
      if (!options_.follow_symlinks) return;
      status = entry.status(ec);  // what the link points to
    } else if (!ec) {
      // The type readdir reported, where the file system gives one: no
      // lstat per entry (an unknown type is looked up).
      status = fs::file_status(entry.is_directory(ec)      ? fs::file_type::directory
                               : entry.is_regular_file(ec) ? fs::file_type::regular
                                                           : fs::file_type::unknown);
    }
    if (ec || !fs::exists(status)) {
      warn(log_, "skipping '" + relative + "': " + (ec ? ec.message() : "dangling symbolic link"));
      return;
    }

    if (fs::is_directory(status)) {
      if (!options_.recursive || filter_.prunes_directory(relative, name)) return;
      DirectoryId id{};
      if (!directory_id(entry.path(), id)) {
        warn(log_, "skipping directory '" + relative + "': cannot stat it");
      } else if (std::find(parent.lineage.begin(), parent.lineage.end(), id) != parent.lineage.end()) {
        warn(log_, "skipping directory '" + relative + "': symbolic link loop");
      } else {
        std::vector<DirectoryId> lineage = parent.lineage;
        lineage.push_back(id);
        pending_.push_back({entry.path(), relative, std::move(lineage)});
      }
    } else if (fs::is_regular_file(status)) {
      // The window's bounds first: a cheap comparison spares the filter
      // most of the files another pass hands out.
      if (after_ != nullptr && relative <= *after_) return;
      if (files_.size() == window_ && relative >= files_.top()) {
        if (filter_.wants_file(relative, name)) more_ = true;
        return;
      }
      if (!filter_.wants_file(relative, name)) return;
      if (files_.size() == window_) {
        files_.pop();
        more_ = true;
      }
      files_.push(relative);
    }
    // FIFOs, sockets and devices are never read: a FIFO would block the run.
  }

  // A max-heap whose container can be taken out when the pass is done.
  struct Heap : std::priority_queue<std::string> {
    std::vector<std::string> take() && { return std::move(c); }
  };

  const PathFilter& filter_;
  const ListingOptions& options_;
  sdk::Log* log_;
  const std::string* after_;
  std::size_t window_;
  std::vector<PendingDirectory> pending_;
  Heap files_;
  bool more_ = false;
};

}  // namespace

FileListing::FileListing(fs::path root, const PathFilter& filter, const ListingOptions& options,
                         sdk::Log* log, std::size_t window)
    : root_(std::move(root)),
      filter_(filter),
      options_(options),
      log_(log),
      window_(std::max<std::size_t>(window, 1)) {}

void FileListing::fill() {
  // Warnings come from the first pass only: later passes see the same tree.
  Walker walker(filter_, options_, passes_ == 0 ? log_ : nullptr, passes_ == 0 ? nullptr : &last_, window_);
  batch_ = walker.run(root_, more_);
  position_ = 0;
  ++passes_;
}

const std::string* FileListing::next() {
  if (position_ == batch_.size()) {
    if (!more_) return nullptr;
    if (!batch_.empty()) last_ = batch_.back();
    fill();
    if (batch_.empty()) return nullptr;
  }
  return &batch_[position_++];
}

std::vector<std::string> list_files(const fs::path& root, const PathFilter& filter,
                                    const ListingOptions& options, sdk::Log* log) {
  bool more = false;
  return Walker(filter, options, log, nullptr, std::numeric_limits<std::size_t>::max()).run(root, more);
}

}  // namespace sluice::plugins::files
