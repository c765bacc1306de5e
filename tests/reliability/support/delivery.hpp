// What the sinks hold, counted by marker: how many copies of each generated
// article a JSON Lines file or an SQLite table has, and what is malformed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace reliability {

struct Tally {
  std::map<long, int> copies;  // marker number -> records holding it
  std::size_t records = 0;     // lines or rows read
  std::size_t distinct_ids = 0;
  std::size_t unmarked = 0;   // records without a marker
  std::size_t malformed = 0;  // JSONL lines that are not one JSON object

  // Expected markers with no copy / markers with more than one copy.
  std::vector<long> lost(const std::set<long>& expected) const;
  std::vector<long> duplicated() const;
  // Markers present that were not expected.
  std::vector<long> unexpected(const std::set<long>& expected) const;
};

// Every line must parse as a JSON object; a missing file is an empty tally.
Tally tally_jsonl(const std::filesystem::path& file);
// Table `articles` of the sqlite sink; a missing file is an empty tally.
Tally tally_sqlite(const std::filesystem::path& file);

// The marker inside a dead letter's stored document (the host keeps a raw
// document as JSON with its bytes in base64); -1 when there is none.
long stored_document_marker(const std::string& document_json);

// {first, ..., first+count-1}
std::set<long> marker_range(long count, long first = 0);

// "[1, 2, 3 ... (12 in all)]", for assertion messages and reports.
std::string summarize(const std::vector<long>& markers);

}  // namespace reliability
