#include <unistd.h>

#include <array>
#include <system_error>

#include "check_list.hpp"
#include "isolation.hpp"

namespace sluice::conformance {
namespace {

struct Entry {
  Check check;
  detail::CheckFn fn;
};

const std::array<Entry, 8>& entries() {
  static const std::array<Entry, 8> list = {{
      {{"descriptor_gate", "descriptor passes the gate"}, detail::check_gate},
      {{"options", "options are well-formed"}, detail::check_options},
      {{"sample_toml", "sample.toml validates"}, detail::check_sample},
      {{"working_instance", "sample options make a working instance"}, detail::check_working_instance},
      {{"two_instances", "two instances coexist"}, detail::check_two_instances},
      {{"create_destroy", "create/destroy in a loop is clean"}, detail::check_create_destroy},
      {{"thread_safety", "thread-safe claim holds"}, detail::check_threads},
      {{"garbage_input", "bad input gives errors, not crashes"}, detail::check_garbage},
  }};
  return list;
}

// A fresh directory for one check, removed with everything the plugin wrote.
class WorkDir {
 public:
  WorkDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sluice-conformance-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::system_error(errno, std::generic_category(), "mkdtemp");
    path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

const char* status_name(Status status) {
  switch (status) {
    case Status::Pass: return "PASS";
    case Status::Skip: return "SKIP";
    case Status::Fail: break;
  }
  return "FAIL";
}

const std::vector<Check>& checks() {
  static const std::vector<Check> list = [] {
    std::vector<Check> out;
    for (const auto& e : entries()) out.push_back(e.check);
    return out;
  }();
  return list;
}

CheckResult run_check(std::string_view id, const Target& target) {
  for (const auto& e : entries()) {
    if (e.check.id != id) continue;
    WorkDir work;
    return detail::run_isolated(
        [&](detail::Progress& progress) { return e.fn(target, work.path(), progress); }, target.timeout);
  }
  return {Status::Fail, "no conformance check named '" + std::string(id) + "'"};
}

std::vector<Outcome> run_all(const Target& target, const std::function<void(const Outcome&)>& each) {
  std::vector<Outcome> out;
  for (const auto& check : checks()) {
    const bool gate_failed = !out.empty() && out.front().result.status != Status::Pass;
    out.push_back({check, gate_failed
                              ? CheckResult{Status::Skip, "the plugin did not pass the descriptor gate"}
                              : run_check(check.id, target)});
    if (each) each(out.back());
  }
  return out;
}

std::filesystem::path sample_next_to(const std::filesystem::path& plugin) {
  // Beside the .so (an installed plugin), else in the folder above it: a
  // project made by `sluice new-plugin` builds into DIR/build/ and keeps
  // its sample.toml in DIR.
  std::error_code ec;
  const auto dir = std::filesystem::absolute(plugin, ec).parent_path();
  for (const auto& candidate : {dir / "sample.toml", dir.parent_path() / "sample.toml"})
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  return {};
}

}  // namespace sluice::conformance
