// The config `sluice init` writes: the chosen plugins' own samples (their
// required options with the example values their descriptors declare),
// stitched into one pipeline that validates and runs as written.
#pragma once

#include <string>
#include <vector>

#include "sluice/host/plugin_registry.hpp"

namespace sluice::cli {

struct StarterChoice {
  std::vector<std::string> sources, parsers, enrichers, sinks;  // plugin names, in order
};

// Fills in parsers for the sources (when none were named) and the default
// enrichers and sinks; throws UsageError for an unknown name or a plugin of
// the wrong kind, with a suggestion.
StarterChoice complete_choice(StarterChoice choice, const host::PluginRegistry& registry);

std::string starter_config(const StarterChoice& choice, const host::PluginRegistry& registry,
                           const std::string& pipeline);

// The input directory the starter's `files` source reads, and one article
// for it, so the first run has something to show.
constexpr const char* kStarterInputDir = "in";
constexpr const char* kStarterArticleName = "welcome.txt";
extern const char* const kStarterArticle;

}  // namespace sluice::cli
