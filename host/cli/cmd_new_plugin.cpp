// `sluice new-plugin KIND NAME [--dir DIR]`: a complete plugin project that
// builds out of tree against the installed SDK and passes its own tests.
#include <filesystem>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "scaffold.hpp"
#include "sluice/host/host.hpp"

namespace sluice::cli {
namespace {

// The prefix this `sluice` was installed to, when it was: the place to
// point CMAKE_PREFIX_PATH at. Empty for a build-tree binary.
std::filesystem::path installed_prefix() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const auto prefix = exe.parent_path().parent_path();
  const bool installed = std::filesystem::exists(prefix / SLUICE_INSTALL_LIBDIR / "cmake/SluiceSDK", ec);
  return installed ? prefix : std::filesystem::path();
}

// `new-plugin lua NAME`: a script, its config and an input file.
int new_lua_script(const std::string& name, const std::filesystem::path& dir) {
  if (auto why = scaffold::check_name(name)) throw UsageError(*why);
  const auto files = scaffold::render_lua_script(name);
  try {
    scaffold::write_project(dir, files);
  } catch (const std::runtime_error& e) {
    std::cerr << "sluice new-plugin: " << e.what() << "\n";
    return kExitUsage;
  }
  std::cout << "Created the Lua script stage '" << name << "' in " << dir.string() << ":\n";
  for (const auto& f : files) std::cout << "  " << f.path.string() << "\n";
  std::cout << "\nRun it (from " << dir.string() << "):\n"
            << "  sluice validate " << name << ".toml\n"
            << "  sluice run " << name << ".toml\n";
  return kExitOk;
}

}  // namespace

VerbSpec new_plugin_spec() {
  return {"sluice new-plugin KIND|lua NAME [--dir DIR]",
          "Creates a plugin project: CMakeLists.txt using find_package(SluiceSDK), a working\n"
          "example stage of KIND (source, parser, enricher or sink), its option table, README.md,\n"
          "sample.toml and GoogleTest tests. It builds out of tree against the installed SDK\n"
          "and its tests pass as generated. NAME is [a-z][a-z0-9_]*: the .so file, the plugin\n"
          "name in TOML and a C++ namespace.\n"
          "KIND lua instead writes a starter Lua script for the `lua` enricher, a config that\n"
          "runs it and an input file: no compiler needed (docs/scripting.md).",
          {{"--dir", "DIR", "where to create the project (default: ./NAME); must not exist or be empty"}},
          2,
          2,
          {"source", "parser", "enricher", "sink", "lua"}};
}

int cmd_new_plugin(int argc, char** argv) {
  const VerbSpec spec = new_plugin_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  const auto& kind_text = args.positionals[0];
  const auto& name = args.positionals[1];
  if (kind_text == "lua") return new_lua_script(name, args.get("--dir", name));
  const auto kind = scaffold::parse_kind(kind_text);
  if (!kind) throw UsageError("KIND must be source, parser, enricher or sink, not '" + kind_text + "'");
  if (auto why = scaffold::check_name(name)) throw UsageError(*why);
  // A name the search path already offers would be refused at load time as a
  // duplicate (or shadow a built-in): say so now, before any code is written.
  host::Host h;
  h.load_plugins();
  if (const auto* taken = h.registry().find(name))
    throw UsageError("a plugin named '" + name + "' is already installed (" + host::kind_name(taken->kind()) +
                     ", " + (taken->path.empty() ? std::string("in-process") : taken->path.string()) +
                     "); choose another NAME");
  const std::filesystem::path dir = args.get("--dir", name);

  const auto files = scaffold::render_project(*kind, name);
  try {
    scaffold::write_project(dir, files);
  } catch (const std::runtime_error& e) {
    std::cerr << "sluice new-plugin: " << e.what() << "\n";
    return kExitUsage;
  }
  std::cout << "Created the " << kind_text << " plugin '" << name << "' in " << dir.string() << ":\n";
  for (const auto& f : files) std::cout << "  " << f.path.string() << "\n";
  const auto prefix = installed_prefix();
  const std::string prefix_text = prefix.empty() ? "<where sluice is installed>" : prefix.string();
  const std::string build = (dir / "build").string();
  std::cout << "\nBuild and test it:\n"
            << "  cmake -S " << dir.string() << " -B " << build << " -DCMAKE_PREFIX_PATH=" << prefix_text
            << "\n"
            << "  cmake --build " << build << "\n"
            << "  ctest --test-dir " << build << "\n"
            << "Then: sluice plugins check " << (dir / "build" / (name + ".so")).string() << " --sample "
            << (dir / "sample.toml").string() << "\n"
            << "      sluice run CONFIG --plugin-dir " << build << "\n";
  return kExitOk;
}

}  // namespace sluice::cli
