// Looking at a state database from outside: is it intact, what does it
// hold, and moving a bad one aside. `sluice state check` and
// `sluice run --reset-state` are built on these.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "sluice/host/state_db.hpp"

namespace sluice::host {

struct StateCheck {
  std::filesystem::path file;
  std::uintmax_t bytes = 0;
  bool intact = false;                // SQLite's full integrity_check said "ok"
  std::vector<std::string> problems;  // why not: integrity_check lines or the open error
  std::int64_t schema = -1;           // PRAGMA user_version; -1 when unreadable
  // What the database holds; each part is read on its own, so a damaged
  // file still shows whatever can be read. A part that could not be read is
  // named in `unreadable`.
  std::int64_t stage_keys = -1;                                    // source checkpoints and other stage state
  std::int64_t sink_tokens = -1;                                   // sinks' committed positions
  std::vector<std::pair<std::string, std::int64_t>> dead_letters;  // "pipeline/stage" -> entries
  std::vector<RunRecord> last_runs;                                // newest run of each pipeline
  std::int64_t runs = -1;
  std::vector<std::string> unreadable;
};

// Opens `file` read-only (never the way StateDb does: nothing is created,
// migrated or refused) and runs the full integrity check.
StateCheck check_state_file(const std::filesystem::path& file);

// Renames `file` and its -wal/-shm companions to "<file>.bad-<UTC time>"
// (never deletes: the old state may still be wanted) and returns the new
// name of the main file. The companions move too, because SQLite would
// replay a stale WAL into a new database of the same name.
std::filesystem::path move_state_aside(const std::filesystem::path& file);

}  // namespace sluice::host
