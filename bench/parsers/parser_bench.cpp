// MB/s per core for each built-in parser: the plugin is loaded from its .so
// through the host's descriptor gate, created from its declared defaults as
// `sluice run` would, and run single-threaded over a generated document
// until at least `--seconds` (default 1) have passed.
//
//   sluice_parser_bench [--plugin-dir DIR] [--seconds S] [PARSER...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "sluice/host/config.hpp"
#include "sluice/host/plugin_registry.hpp"

namespace {

using namespace sluice;

struct Case {
  const char* parser;
  const char* label;
  std::function<bench::Input()> input;
};

struct Count : sdk::ParseOutput {
  void article(sdk::Article&&) override { ++articles; }
  void error(std::string) override { ++errors; }
  std::size_t articles = 0, errors = 0;
};

std::shared_ptr<sdk::Parser> make_parser(const host::PluginRegistry& registry, const std::string& name) {
  // A minimal pipeline around the parser (the `files` source and `jsonl`
  // sink complete it) lets the host's own loader turn the declared
  // defaults into typed options.
  const std::string toml =
      "[[pipeline.b.source]]\nplugin = \"files\"\npath = \"in\"\n"
      "[[pipeline.b.parser]]\nplugin = \"" +
      name +
      "\"\n"
      "[[pipeline.b.sink]]\nplugin = \"jsonl\"\npath = \"out.jsonl\"\n";
  const host::Config config = host::load_config(toml, "bench.toml", registry);
  const host::StageConfig& stage = config.pipelines.at(0).parsers.at(0);
  sdk::StageInit init;
  init.pipeline = "b";
  init.name = stage.name;
  init.options = stage.options;
  return std::dynamic_pointer_cast<sdk::Parser>(registry.create(*stage.plugin, init));
}

}  // namespace

int main(int argc, char** argv) {
  std::string plugin_dir = SLUICE_PLUGIN_DIR;
  double seconds = 1.0;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--plugin-dir" && i + 1 < argc)
      plugin_dir = argv[++i];
    else if (arg == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else if (arg == "--help" || arg == "-h") {
      std::printf("usage: %s [--plugin-dir DIR] [--seconds S] [PARSER...]\n", argv[0]);
      return 0;
    } else
      only.push_back(arg);
  }

  host::PluginRegistry registry;
  for (const auto& refusal : registry.load_directories({plugin_dir})) {
    std::fprintf(stderr, "warning: %s\n", refusal.message().c_str());
  }
  const std::vector<Case> cases = {
      {"seed_text", "seed format, 256 KiB", bench::seed_text_input},
      {"plain_text", "headline + paragraphs, 256 KiB", bench::plain_text_input},
      {"json", "JSON Lines, 1 MiB", bench::json_lines_input},
      {"feed", "RSS 2.0 with content:encoded, 512 KiB", bench::rss_input},
      {"feed", "Atom 1.0 with html content, 512 KiB", bench::atom_input},
      {"html", "news page with boilerplate", bench::html_input},
  };

  std::printf("%-11s %-40s %10s %10s %12s\n", "parser", "input", "MB/s", "docs/s", "articles/doc");
  int status = 0;
  for (const Case& c : cases) {
    if (!only.empty() && std::find(only.begin(), only.end(), c.parser) == only.end()) continue;
    if (registry.find(c.parser) == nullptr) {
      std::printf("%-11s %-40s %10s\n", c.parser, c.label, "(not built)");
      continue;
    }
    try {
      const auto parser = make_parser(registry, c.parser);
      const bench::Input in = c.input();
      sdk::RawDocument doc;
      doc.key = in.key;
      doc.uri = "https://bench.example/" + in.key;
      doc.content_type = in.content_type;
      doc.bytes = in.bytes;
      Count per_doc;
      parser->parse(doc, per_doc);  // warm-up, and the article count
      std::size_t runs = 0;
      const auto start = std::chrono::steady_clock::now();
      double elapsed = 0;
      do {
        Count out;
        parser->parse(doc, out);
        ++runs;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      } while (elapsed < seconds);
      const double mb = static_cast<double>(doc.bytes.size()) * static_cast<double>(runs) / 1e6;
      std::printf("%-11s %-40s %10.1f %10.1f %12zu\n", c.parser, c.label, mb / elapsed,
                  static_cast<double>(runs) / elapsed, per_doc.articles);
    } catch (const std::exception& e) {
      std::printf("%-11s %-40s failed: %s\n", c.parser, c.label, e.what());
      status = 1;
    }
  }
  return status;
}
