#include "starter_config.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "cli_args.hpp"
#include "sluice/host/options_schema.hpp"

namespace sluice::cli {
namespace {

// Parsers that read what each source usually delivers.
const std::map<std::string, std::vector<std::string>> kParsersFor = {
    {"files", {"html", "plain_text"}}, {"feed_poll", {"feed"}},    {"http", {"html", "feed"}},
    {"stdin", {"plain_text"}},         {"kafka_source", {"json"}},
};

// With more than one parser a document goes to the first whose match fits.
const std::map<std::string, std::string> kParserMatch = {
    {"html", R"(["*.html", "*.htm", "text/html"])"},
    {"plain_text", R"(["*.txt", "text/plain"])"},
    {"seed_text", R"(["*.txt", "text/plain"])"},
    {"json", R"(["*.json", "application/json"])"},
    {"feed", R"(["*.xml", "*.rss", "*.atom", "application/rss+xml", "application/atom+xml"])"},
};

// Values that make the starter run where it was written, instead of the
// descriptor's illustrative example.
const std::map<std::string, std::map<std::string, std::string>> kStarterValues = {
    {"files", {{"path", "\"in\""}}},
};

const std::vector<std::string> kDefaultEnrichers = {"language", "entities", "quotes", "keywords", "summary"};
const std::vector<std::string> kDefaultSinks = {"jsonl", "sqlite"};

void check_kind(const std::vector<std::string>& names, std::uint32_t kind, const host::PluginRegistry& r) {
  for (const auto& name : names) {
    const auto* p = r.find(name);
    if (!p) {
      const auto near = host::closest_match(name, r.names());
      throw UsageError("unknown plugin '" + name + "'" +
                       (near.empty() ? "" : "; did you mean '" + near + "'?") +
                       " (`sluice plugins` lists them)");
    }
    if (p->kind() != kind)
      throw UsageError("'" + name + "' is a " + host::kind_name(p->kind()) + ", not a " +
                       host::kind_name(kind));
  }
}

// Keeps only the available defaults: a trimmed install may lack some.
std::vector<std::string> available(const std::vector<std::string>& names, const host::PluginRegistry& r) {
  std::vector<std::string> out;
  for (const auto& n : names)
    if (r.find(n)) out.push_back(n);
  return out;
}

std::string stage_block(const host::PluginInfo& plugin, const std::string& pipeline, bool with_match) {
  std::istringstream sample(host::sample_toml(plugin, pipeline));
  const auto values = kStarterValues.find(plugin.name());
  std::ostringstream out;
  std::string line;
  while (std::getline(sample, line)) {
    if (values != kStarterValues.end())
      for (const auto& [key, value] : values->second)
        if (line.rfind(key + " = ", 0) == 0) line = key + " = " + value;
    out << line << "\n";
    const auto match = kParserMatch.find(plugin.name());
    if (with_match && match != kParserMatch.end() && line.rfind("plugin = ", 0) == 0)
      out << "match = " << match->second << "\n";
  }
  return out.str();
}

}  // namespace

StarterChoice complete_choice(StarterChoice c, const host::PluginRegistry& r) {
  if (c.sources.empty()) c.sources = {"files"};
  check_kind(c.sources, SLUICE_KIND_SOURCE, r);
  if (c.parsers.empty())
    for (const auto& s : c.sources)
      if (auto it = kParsersFor.find(s); it != kParsersFor.end())
        for (const auto& p : available(it->second, r))
          if (std::find(c.parsers.begin(), c.parsers.end(), p) == c.parsers.end()) c.parsers.push_back(p);
  if (c.parsers.empty()) c.parsers = available({"plain_text"}, r);
  check_kind(c.parsers, SLUICE_KIND_PARSER, r);
  if (c.enrichers.empty()) c.enrichers = available(kDefaultEnrichers, r);
  check_kind(c.enrichers, SLUICE_KIND_ENRICHER, r);
  if (c.sinks.empty()) c.sinks = available(kDefaultSinks, r);
  check_kind(c.sinks, SLUICE_KIND_SINK, r);
  return c;
}

std::string starter_config(const StarterChoice& c, const host::PluginRegistry& r,
                           const std::string& pipeline) {
  std::ostringstream out;
  out << "# A starter pipeline written by `sluice init`. Check it with `sluice validate`,\n"
         "# try it with `sluice run`; `sluice plugins describe NAME` lists every option a\n"
         "# stage takes (the commented lines show the defaults). Relative paths resolve\n"
         "# against this file's directory.\n\n"
         "[host]\nstate = \"var/sluice.db\"  # checkpoints, dead letters and run history\n\n"
      << "[pipeline." << pipeline
      << "]\nschedule = \"once\"  # `sluice serve` runs it on a schedule: \"*/15 * * * *\"\n";
  const bool several_parsers = c.parsers.size() > 1;
  for (const auto* list : {&c.sources, &c.parsers, &c.enrichers, &c.sinks})
    for (const auto& name : *list) out << "\n" << stage_block(*r.find(name), pipeline, several_parsers);
  return out.str();
}

const char* const kStarterArticle =
    "Starter article for a new sluice pipeline\n"
    "\n"
    "This file was written by sluice init so that the first run of the starter pipeline has\n"
    "something to read. Put your own documents in this directory, or point the files source at\n"
    "another one, and run the pipeline again: files already delivered are skipped, new ones are\n"
    "parsed, enriched and stored.\n";

}  // namespace sluice::cli
