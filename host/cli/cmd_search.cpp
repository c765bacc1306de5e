// `sluice search CONFIG QUERY`: full-text search over what a pipeline
// stored, asked of the sink itself (SQLite FTS5, PostgreSQL text search) so
// the query runs where the index is.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/options_schema.hpp"
#include "sluice/sdk/json.hpp"
#include "sluice/sdk/search.hpp"

namespace sluice::cli {
namespace {

const host::PipelineConfig& pick_pipeline(const host::Config& config, const Args& args) {
  if (!args.has("--pipeline")) return config.pipelines.front();
  if (const auto* p = config.pipeline(args.get("--pipeline"))) return *p;
  std::vector<std::string> names;
  for (const auto& p : config.pipelines) names.push_back(p.name);
  const auto near = host::closest_match(args.get("--pipeline"), names);
  throw UsageError("no pipeline named '" + args.get("--pipeline") + "' in " + config.file +
                   (near.empty() ? "" : "; did you mean '" + near + "'?"));
}

const host::StageConfig& pick_sink(const host::PipelineConfig& p, const Args& args) {
  std::string searchable;
  for (const auto& s : p.sinks)
    if (s.plugin->searchable()) searchable += (searchable.empty() ? "" : ", ") + s.name;
  const std::string which =
      searchable.empty() ? " (sqlite and postgres sinks can be)" : "; sinks that can: " + searchable;
  for (const auto& s : p.sinks) {
    if (args.has("--sink") ? s.name != args.get("--sink") : !s.plugin->searchable()) continue;
    if (!s.plugin->searchable())
      throw UsageError("sink '" + s.name + "' (plugin " + s.plugin->name() + ") cannot be searched" + which);
    return s;
  }
  if (args.has("--sink"))
    throw UsageError("pipeline '" + p.name + "' has no sink named '" + args.get("--sink") + "'" + which);
  throw UsageError("pipeline '" + p.name + "' has no sink that can be searched" + which);
}

// Matches between the SDK's markers: bold on a terminal, **word** elsewhere.
std::string highlighted(const std::string& snippet, bool terminal) {
  std::string out;
  for (char c : snippet) {
    if (c == sdk::kHighlightStart)
      out += terminal ? "\033[1m" : "**";
    else if (c == sdk::kHighlightEnd)
      out += terminal ? "\033[0m" : "**";
    else
      out += c == '\n' ? ' ' : c;
  }
  return out;
}

void print_json(const std::vector<sdk::SearchHit>& hits) {
  std::string out;
  sdk::json::append_array(out, hits, [](std::string& s, const sdk::SearchHit& h) {
    sdk::json::ObjectWriter o(s);
    o.field("id", h.id);
    o.field("published", h.published);
    o.field("title", h.title);
    o.field("source_uri", h.source_uri);
    o.field("snippet", highlighted(h.snippet, false));
    o.field("score", h.score);
  });
  std::cout << out << "\n";
}

void print_text(const std::vector<sdk::SearchHit>& hits) {
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  for (const auto& h : hits) {
    std::cout << h.id << "  " << (h.published.empty() ? "-" : h.published.substr(0, 10)) << "  "
              << (h.title.empty() ? "(no title)" : h.title) << "\n"
              << "    " << h.source_uri << "\n"
              << "    " << highlighted(h.snippet, terminal) << "\n";
  }
  std::cout << hits.size() << (hits.size() == 1 ? " match" : " matches") << "\n";
}

}  // namespace

VerbSpec search_spec() {
  return {
      "sluice search CONFIG QUERY [--pipeline P] [--sink NAME] [--limit N] [--since DATE]\n"
      "                     [--entity NAME] [--language xx] [--json] [--plugin-dir DIR]...",
      "Searches what a pipeline stored, best matches first: id, published date, title,\n"
      "source and a snippet with the matched words highlighted. The sink answers in its own\n"
      "query language: SQLite FTS5 (`flood AND title:valley`, \"exact phrase\", prefix*)\n"
      "ranked by bm25, or PostgreSQL websearch syntax (`flood -drill \"exact phrase\"`).\n"
      "Without --sink, the first sink of the pipeline that can be searched.",
      {plugin_dir_option(),
       {"--pipeline", "P", "the pipeline whose sink to search (default: the only one, or the first)"},
       {"--sink", "NAME", "the sink stage to search (default: the first searchable one)"},
       {"--limit", "N", "at most N results (default 10)"},
       {"--since", "DATE", "only articles published on or after DATE (YYYY-MM-DD)"},
       {"--entity", "NAME", "only articles naming this entity (its name or a mention's exact text)"},
       {"--language", "xx", "only articles in this language (ISO 639-1, e.g. en)"},
       {"--json", "", "one JSON array of results on stdout"}},
      2,
      2,
      {},
      Complete::Files,
      {}};
}

int cmd_search(int argc, char** argv) {
  const auto spec = search_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  sdk::SearchQuery query;
  query.text = args.positionals[1];
  query.since = args.get("--since");
  query.entity = args.get("--entity");
  query.language = args.get("--language");
  try {
    query.limit = std::stoul(args.get("--limit", "10"));
  } catch (const std::exception&) {
    throw UsageError("--limit takes a number");
  }
  if (!query.since.empty() && (query.since.size() != 10 || query.since[4] != '-' || query.since[7] != '-'))
    throw UsageError("--since takes a date YYYY-MM-DD, not '" + query.since + "'");

  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  host::Config config;
  if (!load_config_or_report(h, args.positionals[0], config)) return kExitUsage;
  const auto& pipeline = pick_pipeline(config, args);
  const auto& sink = pick_sink(pipeline, args);

  ConsoleLog log;
  sdk::StageInit init;
  init.pipeline = pipeline.name;
  init.name = sink.name;
  init.options = sink.options;
  init.log = &log;
  const auto stage = h.registry().create(*sink.plugin, init);
  auto* searchable = dynamic_cast<sdk::Searchable*>(stage.get());
  if (!searchable)
    throw std::runtime_error("plugin " + sink.plugin->name() +
                             " declares it can be searched but its stage does not");
  const auto hits = searchable->search(query);
  if (auto* s = dynamic_cast<sdk::Sink*>(stage.get())) s->close();
  if (args.has("--json"))
    print_json(hits);
  else
    print_text(hits);
  return kExitOk;
}

}  // namespace sluice::cli
