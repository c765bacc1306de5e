#include "workspace.hpp"

#include "fixture_paths.hpp"

namespace reliability {

std::string toml_string(const std::filesystem::path& path) {
  std::string out = "\"";
  for (char c : path.string()) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::filesystem::path Workspace::config(const std::string& file, const std::string& pipelines) const {
  const auto path = tmp_ / file;
  sluice::testing::write_file(path, "[host]\nplugin_dirs = [" + toml_string(builtin_plugin_dir()) + ", " +
                                        toml_string(fixture_plugin_dir()) +
                                        "]\nstate = \"state/sluice.db\"\n\n" + pipelines);
  return path;
}

CliResult Workspace::sluice(const std::vector<std::string>& args) const {
  const std::string log = "cli-" + std::to_string(++calls_);
  CliResult r;
  r.status = start_sluice(args, log)->wait();
  r.out = sluice::testing::read_file(tmp_ / (log + ".out"));
  r.err = sluice::testing::read_file(tmp_ / (log + ".err"));
  return r;
}

std::unique_ptr<ChildProcess> Workspace::start_sluice(const std::vector<std::string>& args,
                                                      const std::string& log) const {
  std::vector<std::string> argv{cli_path()};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<ChildProcess>(argv, tmp_.path(), tmp_ / (log + ".out"), tmp_ / (log + ".err"));
}

std::vector<sluice::host::DeadLetter> Workspace::dead_letters(bool with_input) const {
  if (!std::filesystem::exists(state_file())) return {};
  sluice::host::StateDb db(state_file());
  return db.dead_letters({}, with_input);
}

}  // namespace reliability
