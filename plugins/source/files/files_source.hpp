// The `files` source: documents from the files below a directory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_listing.hpp"
#include "path_filter.hpp"
#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::files {

class FilesSource final : public sdk::Source {
 public:
  // Throws sdk::StageError when `path` is missing or not a directory, or an
  // option value makes no sense.
  explicit FilesSource(const sdk::StageInit& init);

  // Starts the listing on the first call of a run, then delivers one file
  // per call in bytewise order of relative paths (see FileListing): only
  // that file is open, and only while it is being read.
  bool next(sdk::RawDocument& out) override;

  // Every file up to and including `cursor` (a relative path) is stored by
  // all sinks: with incremental on, their fingerprints are saved so the
  // next run skips them unless they change.
  void acknowledge(std::string_view cursor) override;

  const std::filesystem::path& root() const { return root_; }
  const std::string& last_acknowledged() const { return acknowledged_; }

 private:
  // Fills `out` for one listed file; false when the file vanished meanwhile.
  bool deliver(const std::string& relative, sdk::RawDocument& out);

  std::filesystem::path root_;  // absolute and normalised
  PathFilter filter_;
  ListingOptions listing_options_;
  std::string content_type_;  // empty: guess from the extension
  std::uint64_t max_size_;
  sdk::Log* log_;

  // True when `fingerprint` matches what an earlier run acknowledged.
  bool already_delivered(const std::string& relative, const std::string& fingerprint) const;

  std::optional<FileListing> listing_;  // from the first next() of a run
  std::string acknowledged_;

  sdk::StateStore* state_;  // null: no incremental runs
  // Delivered but not yet acknowledged: (relative path, fingerprint), in order.
  std::deque<std::pair<std::string, std::string>> pending_;
};

}  // namespace sluice::plugins::files
