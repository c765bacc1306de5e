#include "sluice/host/plugin_registry.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <dlfcn.h>
#include <link.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "loader/elf_probe.hpp"
#include "loader/trusted_plugin_file.hpp"
// Layer exception until the option checks move below the loader (issue 16).
#include "sluice/host/config.hpp"
#include "sluice/sdk/toolchain.h"

namespace sluice::host {
namespace {

std::string version_string(unsigned major, unsigned minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

// Splits "gcc;libstdc++;cxx11abi=1;debug=0;std=202002L" into its fields.
std::vector<std::string> split_tag(std::string_view tag) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= tag.size()) {
    const auto end = tag.find(';', start);
    parts.emplace_back(tag.substr(start, end == std::string_view::npos ? tag.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

long std_level(const std::string& field) {  // "std=202002L" -> 202002
  if (field.rfind("std=", 0) != 0) return 0;
  return std::strtol(field.c_str() + 4, nullptr, 10);
}

std::optional<std::string> check_toolchain(const char* plugin_tag) {
  static const std::string host_tag = SLUICE_TOOLCHAIN_TAG;
  if (plugin_tag == nullptr) return "descriptor has no toolchain tag";
  const auto mine = split_tag(host_tag);
  const auto theirs = split_tag(plugin_tag);
  if (theirs.size() != 5) return std::string("unreadable toolchain tag \"") + plugin_tag + "\"";
  // Fields 1..3 (standard library, dual ABI, debug mode) decide object
  // layout; any difference would make std::string & co. disagree.
  for (std::size_t i = 1; i <= 3; ++i) {
    if (mine[i] != theirs[i])
      return "toolchain mismatch: plugin built with " + theirs[i] + ", host uses " + mine[i] +
             " (plugin tag \"" + plugin_tag + "\", host tag \"" + host_tag + "\")";
  }
  if (std_level(theirs[4]) < 202002)
    return "plugin built as " + theirs[4] + "; the SDK requires C++20 or newer";
  return std::nullopt;
}

bool valid_plugin_name(const char* name) {
  if (name == nullptr || *name == '\0') return false;
  for (const char* p = name; *p; ++p) {
    const char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

std::optional<std::string> check_options(const sluice_plugin_descriptor* d) {
  if (d->option_count > 0 && d->options == nullptr) return "descriptor declares options but no table";
  for (std::uint32_t i = 0; i < d->option_count; ++i) {
    const auto& o = d->options[i];
    if (o.name == nullptr || *o.name == '\0') return "option #" + std::to_string(i + 1) + " has no name";
    if (o.type < SLUICE_OPT_STRING || o.type > SLUICE_OPT_TABLE)
      return std::string("option '") + o.name + "' has unknown type " + std::to_string(o.type);
    for (std::uint32_t j = 0; j < i; ++j)
      if (std::strcmp(d->options[j].name, o.name) == 0)
        return std::string("option '") + o.name + "' is declared twice";
    if (is_host_stage_key(o.name))
      return std::string("option '") + o.name + "' is a key the host reads in every stage; rename it";
    // Defaults and examples go through the same checks as user input, so a
    // bad literal is the plugin's fault here, not the operator's later.
    if (o.default_toml)
      if (auto why = check_option_literal(o, o.default_toml, "default")) return why;
    if (o.example_toml)
      if (auto why = check_option_literal(o, o.example_toml, "example")) return why;
  }
  return std::nullopt;
}

std::string sha256_hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// What identifies one version of an open file: rewriting it in place
// changes one of these. (Not ctime: renaming another file over the name,
// which leaves the loaded file as it was, changes that too.)
struct FileStamp {
  off_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stamp_of(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  return FileStamp{st.st_size, std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec};
}

// Whether the library `handle` is mapped from the file open as `fd`: its
// dynamic section's mapping in /proc/self/maps names the file's device and
// inode. dlopen() knows libraries by name, and a `/proc/self/fd/N` name a
// library loaded earlier was given (through a descriptor since closed and
// reused) would hand back that library instead of opening this file.
bool maps_file(void* handle, int fd) {
  link_map* map = nullptr;
  struct stat st {};
  if (::dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || map == nullptr || ::fstat(fd, &st) != 0) return false;
  const auto at = reinterpret_cast<std::uintptr_t>(map->l_ld);
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    unsigned long long start = 0, end = 0, inode = 0;
    unsigned major = 0, minor = 0;
    if (std::sscanf(line.c_str(), "%llx-%llx %*s %*s %x:%x %llu", &start, &end, &major, &minor, &inode) != 5)
      continue;
    if (at < start || at >= end) continue;
    return inode == st.st_ino && major == ::major(st.st_dev) && minor == ::minor(st.st_dev);
  }
  return false;
}

// Loads `file` through its descriptor, moving the descriptor to another
// number while the name `/proc/self/fd/N` leads to some other library.
std::optional<std::string> load_through(detail::TrustedFile& file, boost::dll::shared_library& lib) {
  for (int tries = 0; tries < 64; ++tries) {
    const std::filesystem::path through = "/proc/self/fd/" + std::to_string(file.fd());
    try {
      lib.load(through, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
      return std::string("cannot load: ") + e.what();
    }
    if (maps_file(lib.native(), file.fd())) return std::nullopt;
    lib.unload();
    if (!file.renumber()) break;
  }
  return "cannot load it through its descriptor: every /proc/self/fd name tried led to another library";
}

}  // namespace

// The digest of a loaded plugin file, computed on first use from the very
// descriptor that was checked and loaded (kept open for this). The stamp
// taken at load time tells whether the file was rewritten in place since
// (only its owner or root could have; the trust check requires that).
class FileDigest {
 public:
  explicit FileDigest(std::shared_ptr<detail::TrustedFile> file)
      : file_(std::move(file)), loaded_(stamp_of(file_->fd())) {}

  std::string hex() {
    std::call_once(once_, [this] { hex_ = compute(); });
    return hex_;
  }

 private:
  std::string compute() const {
    const std::string changed = "(unknown: the file changed after it was loaded)";
    if (!loaded_ || stamp_of(file_->fd()) != loaded_) return changed;
    try {
      const std::string bytes = file_->read_all();
      if (stamp_of(file_->fd()) != loaded_) return changed;
      return sha256_hex(bytes);
    } catch (const std::exception&) {
      return changed;
    }
  }

  const std::shared_ptr<detail::TrustedFile> file_;
  const std::optional<FileStamp> loaded_;
  std::once_flag once_;
  std::string hex_;
};

std::string PluginInfo::sha256() const { return digest ? digest->hex() : std::string(); }

std::string Refusal::message() const { return "refused plugin " + path.string() + ": " + reason; }

std::optional<std::string> check_descriptor(const sluice_plugin_descriptor* d) {
  // Read the fixed prefix field by field, in order: a later field is only
  // trusted once every earlier one agreed.
  if (d == nullptr) return "descriptor function returned null";
  if (d->magic != SLUICE_PLUGIN_MAGIC) {
    std::ostringstream m;
    m << "bad descriptor magic 0x" << std::hex << d->magic << " (expected 0x" << SLUICE_PLUGIN_MAGIC
      << "): not a sluice descriptor, or a corrupted build";
    return m.str();
  }
  if (d->abi_major != SLUICE_SDK_ABI_MAJOR)
    return "built against SDK " + version_string(d->abi_major, d->abi_minor) + ", host speaks " +
           std::to_string(SLUICE_SDK_ABI_MAJOR) + ".x; rebuild the plugin against SDK " +
           std::to_string(SLUICE_SDK_ABI_MAJOR) + ".x";
  if (d->abi_minor > SLUICE_SDK_ABI_MINOR)
    return "built against SDK " + version_string(d->abi_major, d->abi_minor) +
           ", newer than this host's SDK " + version_string(SLUICE_SDK_ABI_MAJOR, SLUICE_SDK_ABI_MINOR) +
           "; upgrade sluice";
  if (d->descriptor_size < sizeof(sluice_plugin_descriptor))
    return "descriptor is " + std::to_string(d->descriptor_size) + " bytes, SDK " +
           version_string(d->abi_major, d->abi_minor) + " defines " +
           std::to_string(sizeof(sluice_plugin_descriptor));
  if (auto why = check_toolchain(d->toolchain)) return why;
  if (d->kind < SLUICE_KIND_SOURCE || d->kind > SLUICE_KIND_SINK)
    return "unknown stage kind " + std::to_string(d->kind);
  if (!valid_plugin_name(d->name))
    return "plugin name must be non-empty lowercase letters, digits, '_' or '-'";
  if (d->version == nullptr || *d->version == '\0') return "descriptor has no version";
  if (d->description == nullptr) return "descriptor has no description";
  if (d->create == nullptr || d->destroy == nullptr) return "descriptor has no factory";
  return check_options(d);
}

PluginRegistry::PluginRegistry() = default;
PluginRegistry::~PluginRegistry() = default;

void PluginRegistry::register_builtin(const sluice_plugin_descriptor* d) {
  if (auto why = check_descriptor(d)) throw PluginError("refused in-process plugin: " + *why);
  if (plugins_.count(d->name))
    throw PluginError(std::string("a plugin named '") + d->name + "' is already registered");
  PluginInfo info;
  info.descriptor = d;
  plugins_.emplace(d->name, std::move(info));
}

std::optional<Refusal> PluginRegistry::load_file(const std::filesystem::path& file) {
  auto refuse = [&](std::string reason) { return Refusal{file, std::move(reason)}; };
  // Opened once: the checks, the ELF probe, the digest and dlopen() all see
  // this one descriptor, so swapping files by name afterwards changes nothing.
  auto opened = detail::open_trusted_plugin(file);
  if (auto* why = std::get_if<std::string>(&opened)) return refuse(*why);
  auto trusted = std::get<std::shared_ptr<detail::TrustedFile>>(std::move(opened));
  try {
    if (auto why = detail::probe_elf_exports(trusted->read_all(), SLUICE_DESCRIPTOR_SYMBOL))
      return refuse(*why);
  } catch (const std::exception& e) {
    return refuse(e.what());
  }
  auto lib = std::make_shared<boost::dll::shared_library>();
  if (auto why = load_through(*trusted, *lib)) return refuse(*why);
  const sluice_plugin_descriptor* d = nullptr;
  try {
    d = lib->get<const sluice_plugin_descriptor*()>(SLUICE_DESCRIPTOR_SYMBOL)();
  } catch (const std::exception& e) {
    return refuse(std::string("cannot read descriptor: ") + e.what());
  }
  if (auto why = check_descriptor(d)) return refuse(*why);
  if (auto it = plugins_.find(d->name); it != plugins_.end()) {
    const auto where = it->second.path.empty() ? std::string("in-process") : it->second.path.string();
    return refuse(std::string("a plugin named '") + d->name + "' is already loaded from " + where);
  }
  PluginInfo info;
  info.descriptor = d;
  info.path = file;
  info.digest = std::make_shared<FileDigest>(std::move(trusted));
  info.library = std::move(lib);
  plugins_.emplace(d->name, std::move(info));
  return std::nullopt;
}

namespace {

// The *.so regular files of one directory, sorted: the order files are
// loaded in, so which of two files with the same plugin wins never depends
// on the file system.
std::vector<std::filesystem::path> plugin_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".so" && entry.is_regular_file(ec)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<Refusal> PluginRegistry::load_directories(const std::vector<std::filesystem::path>& dirs) {
  std::lock_guard lock(mu_);
  const std::size_t before = refusals_.size();
  note_directories(dirs);
  load_all_noted();
  return {refusals_.begin() + static_cast<std::ptrdiff_t>(before), refusals_.end()};
}

void PluginRegistry::note_directories(const std::vector<std::filesystem::path>& dirs) {
  std::lock_guard lock(mu_);
  for (const auto& dir : dirs) {
    searched_.push_back(dir);
    for (auto& file : plugin_files(dir)) noted_.push_back(std::move(file));
  }
}

void PluginRegistry::load_noted(const std::filesystem::path& file) {
  if (auto refusal = load_file(file)) refusals_.push_back(std::move(*refusal));
}

void PluginRegistry::load_all_noted() {
  auto files = std::move(noted_);
  noted_.clear();
  for (const auto& f : files) load_noted(f);
}

const PluginInfo* PluginRegistry::find_locked(std::string_view name) {
  if (auto it = plugins_.find(name); it != plugins_.end()) return &it->second;
  if (noted_.empty()) return nullptr;
  // Files named after the plugin first, in search order; the first one that
  // passes the gate serves it, as a full load in that order would.
  for (std::size_t i = 0; i < noted_.size();) {
    if (noted_[i].stem() != name) {
      ++i;
      continue;
    }
    const auto file = noted_[i];
    noted_.erase(noted_.begin() + static_cast<std::ptrdiff_t>(i));
    load_noted(file);
    if (auto it = plugins_.find(name); it != plugins_.end()) return &it->second;
  }
  load_all_noted();  // a file named unlike its plugin
  auto it = plugins_.find(name);
  return it == plugins_.end() ? nullptr : &it->second;
}

const PluginInfo* PluginRegistry::find(std::string_view name) const {
  std::lock_guard lock(mu_);
  return const_cast<PluginRegistry*>(this)->find_locked(name);
}

std::vector<const PluginInfo*> PluginRegistry::all() const {
  std::lock_guard lock(mu_);
  const_cast<PluginRegistry*>(this)->load_all_noted();
  std::vector<const PluginInfo*> out;
  for (const auto& [name, info] : plugins_) out.push_back(&info);
  std::stable_sort(out.begin(), out.end(),
                   [](const PluginInfo* a, const PluginInfo* b) { return a->kind() < b->kind(); });
  return out;
}

std::vector<std::string> PluginRegistry::names() const {
  std::lock_guard lock(mu_);
  const_cast<PluginRegistry*>(this)->load_all_noted();
  std::vector<std::string> out;
  for (const auto& [name, info] : plugins_) out.push_back(name);
  return out;
}

std::vector<Refusal> PluginRegistry::refusals() const {
  std::lock_guard lock(mu_);
  return refusals_;
}

std::shared_ptr<sdk::Stage> PluginRegistry::create(const PluginInfo& plugin,
                                                   const sdk::StageInit& init) const {
  void* raw = nullptr;
  try {
    raw = plugin.descriptor->create(&init);
  } catch (const std::exception& e) {
    throw std::runtime_error("stage '" + init.name + "' (plugin " + plugin.name() +
                             ") failed to start: " + e.what());
  } catch (...) {
    throw std::runtime_error("stage '" + init.name + "' (plugin " + plugin.name() +
                             ") failed to start with a non-standard exception");
  }
  if (raw == nullptr)
    throw std::runtime_error("stage '" + init.name + "' (plugin " + plugin.name() +
                             ") factory returned null");
  // The deleter owns a reference to the library, so the code that destroys
  // the stage stays mapped until the stage is gone.
  auto destroy = plugin.descriptor->destroy;
  auto library = plugin.library;
  return std::shared_ptr<sdk::Stage>(static_cast<sdk::Stage*>(raw),
                                     [destroy, library](sdk::Stage* s) { destroy(s); });
}

}  // namespace sluice::host
