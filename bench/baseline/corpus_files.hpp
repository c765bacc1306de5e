// The baseline's file handling: the sorted list of a directory's seed files
// and reading one whole file with one allocation.
#pragma once

#include <string>
#include <vector>

namespace sluice::bench::baseline {

// Names of the regular, non-hidden "*.txt" files directly in `dir`, sorted
// bytewise (the order the `files` source delivers them in). Throws
// std::runtime_error when `dir` cannot be listed.
std::vector<std::string> list_seed_files(const std::string& dir);

// The content of `path`: fstat for the size, one allocation, read(2) until
// done, close. Only this one descriptor is open meanwhile. Throws
// std::runtime_error on failure.
std::string read_whole_file(const std::string& path);

}  // namespace sluice::bench::baseline
