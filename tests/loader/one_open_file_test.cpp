// A plugin file is opened once: the descriptor that passed the trust check
// is the one hashed for a `sha256` pin and the one dlopen()ed (through
// /proc/self/fd/N). Names are never looked up again after the check.
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <memory>

#include "fixture_dirs.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using loader_test::fixture_dir;
using sluice::host::PluginRegistry;

std::string sha256_of(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// Replacing the file by name after loading cannot make the loaded plugin
// look like another binary: the pin hashes what was loaded.
TEST(OneOpenFile, PinHashesTheLoadedFileEvenAfterItIsReplacedByName) {
  sluice::testing::TempDir tmp;
  const auto plugin = tmp.path() / "tag_enricher.so";
  fs::copy_file(fixture_dir("good") / "tag_enricher.so", plugin);
  const auto loaded_bytes = sluice::testing::read_file(plugin);

  PluginRegistry registry;
  ASSERT_FALSE(registry.load_file(plugin).has_value());
  // Another binary takes the name (rename: the loaded inode lives on).
  fs::copy_file(fixture_dir("good") / "echo_parser.so", tmp.path() / "other.so");
  fs::rename(tmp.path() / "other.so", plugin);

  const auto* info = registry.find("tag_enricher");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->sha256(), sha256_of(loaded_bytes));
  EXPECT_NE(info->sha256(), sha256_of(sluice::testing::read_file(plugin)));
}

// dlopen() knows libraries by name. A library loaded through
// /proc/self/fd/N stays loaded after its registry (and descriptor) is gone
// while a stage still holds it; a later load that gets descriptor N again
// must still load its own file, not be handed the old library.
TEST(OneOpenFile, ReusedDescriptorNumberLoadsTheNewFileNotTheOldLibrary) {
  std::shared_ptr<void> keep_first_loaded;
  std::string first_name;
  {
    PluginRegistry first;
    ASSERT_FALSE(first.load_file(fixture_dir("good") / "tag_enricher.so").has_value());
    keep_first_loaded = std::static_pointer_cast<void>(first.find("tag_enricher")->library);
    Dl_info where{};
    ASSERT_NE(::dladdr(reinterpret_cast<void*>(first.find("tag_enricher")->descriptor->create), &where), 0);
    first_name = where.dli_fname;
  }
  ASSERT_EQ(first_name.rfind("/proc/self/fd/", 0), 0u) << "loaded through its descriptor: " << first_name;
  // The old library still answers to that name.
  void* stale = ::dlopen(first_name.c_str(), RTLD_LAZY | RTLD_NOLOAD);
  ASSERT_NE(stale, nullptr);
  ::dlclose(stale);
  PluginRegistry second;
  ASSERT_FALSE(second.load_file(fixture_dir("good") / "echo_parser.so").has_value());
  EXPECT_EQ(second.find("tag_enricher"), nullptr);
  const auto* echo = second.find("echo_parser");
  ASSERT_NE(echo, nullptr);
  EXPECT_EQ(echo->path, fixture_dir("good") / "echo_parser.so");
}

}  // namespace
