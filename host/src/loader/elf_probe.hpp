// Reads a candidate plugin file's ELF dynamic symbol table without loading
// it, so a file that is not a sluice plugin is refused before any of its
// code (static constructors included) runs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice::host::detail {

// Returns the refusal reason, or nothing when `bytes` (a whole file) is a shared object for
// this machine that exports `symbol`.
std::optional<std::string> probe_elf_exports(std::string_view bytes, const char* symbol);

}  // namespace sluice::host::detail
