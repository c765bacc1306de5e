// Bounds a config's text before the TOML parser sees it. toml++ recurses
// per dotted key segment and per nesting level, so a hostile file (a table
// header with 50,000 dotted segments) would overflow the stack inside it;
// a cheap scan of the text refuses such input first, naming file:line:col.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sluice/host/config.hpp"

namespace sluice::host::detail {

struct ConfigBounds {
  std::size_t max_bytes = 4u << 20;  // a config file; real ones are a few KiB
  int max_key_segments = 16;         // a.b.c = 3 segments; [pipeline.p.source] = 3
  int max_depth = 32;                // tables + arrays + inline tables around a value
  int max_table_arrays = 1024;       // [[...]] headers, i.e. stages written as tables
};

inline constexpr ConfigBounds kConfigBounds{};

// The first bound `text` exceeds, as an error at its position; nothing
// when the text is within all of them. Does not validate TOML otherwise.
std::optional<ConfigError> check_config_bounds(std::string_view text, const std::string& file,
                                               const ConfigBounds& bounds = kConfigBounds);

// The position of byte `offset` in `text` (1-based line and column).
SourcePosition position_of(std::string_view text, std::size_t offset, const std::string& file);

}  // namespace sluice::host::detail
