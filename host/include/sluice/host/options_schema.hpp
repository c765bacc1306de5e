// A plugin's declared options as the one source of validation and docs:
// `sluice plugins describe` (text, markdown, JSON schema) and
// `sluice plugins sample` come from here.
#pragma once

#include <string>
#include <string_view>

#include "sluice/host/plugin_registry.hpp"

namespace sluice::host {

const char* option_type_name(std::int32_t type);  // "string", "duration", ...

enum class DescribeFormat { Text, Markdown, JsonSchema };

std::string describe_plugin(const PluginInfo& plugin, DescribeFormat format);

// A TOML block for one stage of this plugin that validates as written:
// required options get their example, optional ones are shown commented out.
std::string sample_toml(const PluginInfo& plugin, std::string_view pipeline = "example");

// "Did you mean" support: the candidate closest to `word` by edit distance,
// or empty when nothing is close enough to be a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// Parses "250ms", "15s", "2m", "1h30m" to milliseconds; "64KiB", "10MB" to
// bytes. Return false on malformed input.
bool parse_duration_ms(std::string_view text, std::int64_t& out);
bool parse_size_bytes(std::string_view text, std::int64_t& out);

}  // namespace sluice::host
