// Real .so files the loader must refuse, each with its exact reason and its
// path: alone in a directory, and all together next to working plugins.
#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fixture_dirs.hpp"
#include "sluice/host/host.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/toolchain.h"
#include "test_support.hpp"

namespace {

using loader_test::fixture_dir;
using sluice::host::PluginRegistry;
using sluice::host::Refusal;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

static_assert(SLUICE_SDK_ABI_MAJOR == 1 && SLUICE_SDK_ABI_MINOR == 2,
              "the expected reasons below spell out SDK versions");

struct RefusedCase {
  const char* name;  // subdirectory of refused/
  const char* file;
  std::string reason;  // a fragment of Refusal::reason
};

// What each file in fixtures/refused/ is refused for (fixtures/*.cpp say why).
std::vector<RefusedCase> refused_cases() {
  const std::string no_symbol = "no sluice_plugin_descriptor_v1 symbol: not a sluice plugin";
  return {
      {"abi_major", "abi_major.so", "built against SDK 2.0, host speaks 1.x"},
      {"abi_minor", "abi_minor.so", "built against SDK 1.3, newer than this host's SDK 1.2"},
      {"bad_magic", "bad_magic.so",
       "bad descriptor magic 0xdeadbeef (expected 0x4c50454349554c53): not a sluice descriptor"},
      {"small_descriptor", "small_descriptor.so",
       "descriptor is 16 bytes, SDK 1.2 defines " + std::to_string(sizeof(sluice_plugin_descriptor))},
      {"debug_mode", "debug_mode.so", "toolchain mismatch: plugin built with debug=1, host uses debug=0"},
      {"old_abi", "old_abi.so", "toolchain mismatch: plugin built with cxx11abi=0, host uses cxx11abi=1"},
      {"other_symbol", "other_symbol.so", no_symbol},
      {"imports_descriptor", "imports_descriptor.so", no_symbol},
      {"static_ctor", "static_ctor.so", no_symbol},
      {"data_symbol", "data_symbol.so",
       "sluice_plugin_descriptor_v1 is exported but is not a function: not a sluice plugin"},
      {"not_elf", "bad.so", "not an ELF shared object"},
      {"truncated_elf", "truncated.so", "malformed ELF section table"},
  };
}

// The debug_mode and old_abi fixtures differ from a default libstdc++ build;
// a host built some other way would not see them as different.
bool host_is_default_libstdcxx() {
  return std::string(SLUICE_TC_DEBUG) == "0" && std::string(SLUICE_TC_CXX11ABI) == "1";
}
constexpr const char* kNotDefault = "host tag " SLUICE_TOOLCHAIN_TAG " is not a default libstdc++ build";

// Points the static_ctor fixture's constructor at a fresh marker path.
class MarkerFile {
 public:
  MarkerFile() : path_(dir_ / "constructor-ran") { ::setenv("SLUICE_LOADER_TEST_MARKER", path_.c_str(), 1); }
  ~MarkerFile() { ::unsetenv("SLUICE_LOADER_TEST_MARKER"); }
  bool exists() const { return std::filesystem::exists(path_); }

 private:
  sluice::testing::TempDir dir_;
  std::filesystem::path path_;
};

void expect_names_file(const Refusal& r, const std::filesystem::path& file) {
  EXPECT_EQ(r.path, file);
  EXPECT_EQ(r.message(), "refused plugin " + file.string() + ": " + r.reason);
}

// Names the case in test output instead of gtest's byte dump.
void PrintTo(const RefusedCase& c, std::ostream* os) { *os << c.name; }

class RefusedAlone : public ::testing::TestWithParam<RefusedCase> {};

TEST_P(RefusedAlone, IsRefusedWithItsReasonAndPath) {
  const auto& c = GetParam();
  if (c.reason.find("toolchain") != std::string::npos && !host_is_default_libstdcxx())
    GTEST_SKIP() << kNotDefault;
  const auto dir = fixture_dir("refused") / c.name;
  const auto file = dir / c.file;
  ASSERT_TRUE(std::filesystem::is_regular_file(file)) << file;

  PluginRegistry registry;
  const auto refusals = registry.load_directories({dir});
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_THAT(refusals[0].reason, HasSubstr(c.reason));
  expect_names_file(refusals[0], file);
  EXPECT_TRUE(registry.names().empty());

  // load_file() is the same gate, one file at a time.
  const auto single = registry.load_file(file);
  ASSERT_TRUE(single.has_value());
  EXPECT_EQ(single->reason, refusals[0].reason);
  EXPECT_TRUE(registry.names().empty());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RefusedAlone, ::testing::ValuesIn(refused_cases()),
                         [](const auto& info) { return std::string(info.param.name); });

// The point of the ELF probe: a library that is not a plugin never gets its
// code run. The next test proves the marker really appears when it is.
TEST(ElfProbe, RefusesPlainLibraryWithoutRunningItsConstructors) {
  MarkerFile marker;
  PluginRegistry registry;
  const auto refusals = registry.load_directories({fixture_dir("refused/static_ctor")});
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_FALSE(marker.exists()) << "the loader dlopen()ed a library that is not a plugin";
}

TEST(ElfProbe, StaticConstructorFixtureDoesWriteItsMarkerWhenLoaded) {
  MarkerFile marker;
  const auto file = fixture_dir("refused/static_ctor/static_ctor.so");
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr) << ::dlerror();
  EXPECT_TRUE(marker.exists());
  ::dlclose(handle);
}

// A descriptor exported as data rather than as a function: the symbol exists
// and is defined, but calling it would jump into the data segment. It must be
// refused, not called. Run in a child process so a crash reads as a failure.
TEST(ElfProbe, RefusesDescriptorExportedAsData) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const auto file = fixture_dir("refused/data_symbol/data_symbol.so");
  EXPECT_EXIT(
      {
        PluginRegistry registry;
        const auto refusal = registry.load_file(file);
        std::fprintf(stderr, "%s\n", refusal ? refusal->message().c_str() : "loaded");
        std::_Exit(refusal && registry.names().empty() ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "sluice_plugin_descriptor_v1.* not a function");
}

TEST(RefusedTogether, DirectoryWithEveryBadFileLoadsExactlyTheGoodOnes) {
  if (!host_is_default_libstdcxx()) GTEST_SKIP() << kNotDefault;
  MarkerFile marker;
  const auto all = fixture_dir("all");
  PluginRegistry registry;
  const auto refusals = registry.load_directories({all});

  EXPECT_THAT(registry.names(), ElementsAre("counter_source", "echo_parser", "file_sink", "tag_enricher"));
  const auto cases = refused_cases();
  EXPECT_EQ(refusals.size(), cases.size());
  for (const auto& c : cases) {
    const auto file = all / c.file;
    const auto it =
        std::find_if(refusals.begin(), refusals.end(), [&](const Refusal& r) { return r.path == file; });
    ASSERT_NE(it, refusals.end()) << "no refusal for " << file;
    EXPECT_THAT(it->reason, HasSubstr(c.reason)) << file;
    expect_names_file(*it, file);
  }
  EXPECT_FALSE(marker.exists());
}

TEST(RefusedTogether, HostStillRunsAPipelineFromTheMixedDirectory) {
  if (!host_is_default_libstdcxx()) GTEST_SKIP() << kNotDefault;
  sluice::testing::TempDir out;
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  const std::string toml = R"(
[host]
plugin_dirs = [@ALL@]

[pipeline.mixed]
workers = 1
[[pipeline.mixed.source]]
plugin = "counter_source"
[[pipeline.mixed.parser]]
plugin = "echo_parser"
[[pipeline.mixed.sink]]
plugin = "file_sink"
path = @OUT@
)";
  const auto config = host.load_config_string(
      loader_test::with_paths(toml, {{"ALL", fixture_dir("all")}, {"OUT", out / "out.jsonl"}}));

  // The config names good plugins only: the refused files are never opened.
  EXPECT_TRUE(host.refusals().empty()) << host.refusals()[0].message();
  const auto reports = host.run(config);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].ok()) << sluice::host::format_report(reports[0]);
  EXPECT_EQ(reports[0].articles, 3u);
  EXPECT_EQ(sluice::testing::read_lines(out / "out.jsonl").size(), 3u);
}

// In-process plugins pass the same gate as files.
TEST(RefusedInProcess, RegisterBuiltinThrowsTheGateReason) {
  PluginRegistry registry;
  sluice_plugin_descriptor d{};
  d.magic = SLUICE_PLUGIN_MAGIC;
  d.descriptor_size = sizeof d;
  d.abi_major = SLUICE_SDK_ABI_MAJOR + 1;
  d.abi_minor = 0;  // the first release of the next major
  try {
    registry.register_builtin(&d);
    FAIL() << "a 2.0 descriptor was registered";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("refused in-process plugin: built against SDK 2.0, host speaks 1.x"));
  }
  EXPECT_TRUE(registry.names().empty());
}

}  // namespace
