// `sluice init [DIR]`: a starter config that validates and runs, built from
// the installed plugins' own samples (as `telegraf config` does).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/host.hpp"
#include "starter_config.hpp"

namespace sluice::cli {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

void write_file(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

VerbSpec init_spec() {
  return {"sluice init [DIR] [--sources LIST] [--parsers LIST] [--enrichers LIST] [--sinks LIST] [options]",
          "Writes DIR/sluice.toml (DIR defaults to the current directory): one pipeline with the\n"
          "chosen plugins, each written from its own sample (required options filled in, the others\n"
          "as commented defaults). Without --parsers it picks the parsers for the sources; without\n"
          "--enrichers and --sinks the usual ones (language, entities, quotes, keywords, summary;\n"
          "jsonl and sqlite). With the files source it also writes DIR/in/welcome.txt, so\n"
          "`sluice run DIR/sluice.toml` has an article to show. LIST is comma-separated plugin names.",
          {{"--sources", "LIST", "source plugins (default: files)"},
           {"--parsers", "LIST", "parser plugins (default: the ones that read what the sources deliver)"},
           {"--enrichers", "LIST", "enricher plugins, in the order they run"},
           {"--sinks", "LIST", "sink plugins (default: jsonl,sqlite)"},
           {"--pipeline", "NAME", "the pipeline's name (default: main)"},
           {"--force", "", "overwrite an existing DIR/sluice.toml"},
           plugin_dir_option()},
          0,
          1,
          {},
          Complete::Directories};
}

int cmd_init(int argc, char** argv) {
  const auto spec = init_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  h.load_plugins();
  const StarterChoice choice =
      complete_choice({split_list(args.get("--sources")), split_list(args.get("--parsers")),
                       split_list(args.get("--enrichers")), split_list(args.get("--sinks"))},
                      h.registry());
  const std::filesystem::path dir = args.positionals.empty() ? "." : args.positionals[0];
  const auto file = dir / "sluice.toml";
  if (std::filesystem::exists(file) && !args.has("--force"))
    throw UsageError(file.string() + " exists; --force overwrites it");
  std::filesystem::create_directories(dir);
  const auto pipeline = args.get("--pipeline", "main");
  write_file(file, starter_config(choice, h.registry(), pipeline));
  const bool reads_files =
      std::find(choice.sources.begin(), choice.sources.end(), "files") != choice.sources.end();
  if (reads_files) {
    std::filesystem::create_directories(dir / kStarterInputDir);
    const auto article = dir / kStarterInputDir / kStarterArticleName;
    if (!std::filesystem::exists(article)) write_file(article, kStarterArticle);
  }
  host::Config config;
  if (!load_config_or_report(h, file.string(), config))
    return kExitFailed;  // a bug: the samples must validate
  std::cout << "wrote " << file.string() << ": pipeline '" << pipeline << "' " << joined(choice.sources)
            << " -> " << joined(choice.parsers) << " -> " << joined(choice.enrichers) << " -> "
            << joined(choice.sinks) << "\n";
  if (reads_files)
    std::cout << "and " << (dir / kStarterInputDir / kStarterArticleName).string() << " for the first run\n";
  std::cout << "next: sluice validate " << file.string() << "\n      sluice run " << file.string() << "\n";
  return kExitOk;
}

}  // namespace sluice::cli
