// `sluice plugins [list|describe NAME|sample NAME]`: what the search path
// offers, each plugin's options as text, markdown or JSON schema, and a
// sample stage block.
#include <iomanip>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/options_schema.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::cli {
namespace {

int list_plugins_json(const host::Host& h) {
  std::string out;
  sdk::json::append_array(out, h.registry().all(), [](std::string& s, const host::PluginInfo* p) {
    sdk::json::ObjectWriter o(s);
    o.field("kind", host::kind_name(p->kind()));
    o.field("name", p->name());
    o.field("version", p->version());
    o.field("description", p->descriptor->description ? p->descriptor->description : "");
    o.field("path", p->path.string());
    if (!p->path.empty()) o.field("sha256", p->sha256());
  });
  std::cout << out << "\n";
  return kExitOk;
}

int list_plugins(const host::Host& h, bool verbose) {
  std::cout << std::left << std::setw(10) << "KIND" << std::setw(14) << "NAME" << std::setw(10) << "VERSION"
            << "DESCRIPTION\n";
  for (const auto* p : h.registry().all()) {
    std::cout << std::setw(10) << host::kind_name(p->kind()) << std::setw(14) << p->name() << std::setw(10)
              << p->version() << p->descriptor->description << "\n";
    if (verbose) {
      std::cout << std::setw(24) << "" << (p->path.empty() ? "(in-process)" : p->path.string())
                << (p->path.empty() ? "" : "  sha256:" + p->sha256()) << "  SDK " << p->sdk_version() << "\n";
      for (const auto& missing : p->lacks())
        std::cout << std::setw(24) << ""
                  << "lacks " << missing << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

VerbSpec plugins_spec() {
  return {"sluice plugins [list | describe NAME | sample NAME | check PATH.so] [options]",
          "Lists the plugins found on the search path (kind, name, version, description),\n"
          "describes one plugin's options, or prints a TOML stage block for it that validates.",
          {plugin_dir_option(),
           {"--format",
            "FMT",
            "list: text (default) or json; describe: text, markdown or json (a JSON schema)",
            false,
            {"text", "markdown", "json"}},
           {"--pipeline", "NAME", "sample: the pipeline name the block is written for (default: example)"},
           {"--verbose", "", "list: also show each plugin's file and SHA-256"}},
          0,
          2,
          {"list", "describe", "sample", "check"},
          Complete::Nothing,
          {{"describe", Complete::Plugins}, {"sample", Complete::Plugins}, {"check", Complete::Files}}};
}

int cmd_plugins(int argc, char** argv) {
  // `check` takes a file, not a name on the search path: its own verb.
  if (argc > 2 && std::string_view(argv[2]) == "check") return cmd_plugins_check(argc, argv);
  const VerbSpec spec = plugins_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  h.load_plugins();
  print_refusals(h);

  const std::string action = args.positionals.empty() ? "list" : args.positionals[0];
  if (action == "list") {
    const auto format = args.get("--format", "text");
    if (format == "json") return list_plugins_json(h);
    if (format != "text") throw UsageError("list: --format must be text or json, not '" + format + "'");
    return list_plugins(h, args.has("--verbose"));
  }
  if (action != "describe" && action != "sample")
    throw UsageError("unknown action '" + action + "'; usage: " + spec.usage);
  if (args.positionals.size() < 2) throw UsageError(action + " needs a plugin NAME");
  const auto& name = args.positionals[1];
  const auto* plugin = h.registry().find(name);
  if (!plugin) {
    std::cerr << "sluice plugins: unknown plugin '" << name << "'";
    if (auto s = host::closest_match(name, h.registry().names()); !s.empty())
      std::cerr << "; did you mean '" << s << "'?";
    std::cerr << "\n";
    return kExitUsage;
  }
  if (action == "sample") {
    std::cout << host::sample_toml(*plugin, args.get("--pipeline", "example"));
    return kExitOk;
  }
  const auto format = args.get("--format", "text");
  if (format == "text")
    std::cout << host::describe_plugin(*plugin, host::DescribeFormat::Text);
  else if (format == "markdown")
    std::cout << host::describe_plugin(*plugin, host::DescribeFormat::Markdown);
  else if (format == "json")
    std::cout << host::describe_plugin(*plugin, host::DescribeFormat::JsonSchema);
  else
    throw UsageError("describe: --format must be text, markdown or json, not '" + format + "'");
  return kExitOk;
}

}  // namespace sluice::cli
