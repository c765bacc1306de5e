// A plugin runs with the host's rights, so the host refuses a plugin file
// that someone other than its owner could have changed: writable by group
// or others, in such a directory, or owned by a user other than root and
// the one running sluice. `sha256` on a stage pins the exact binary.
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture_paths.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr uid_t kNobody = 65534;

std::string sha256_of(const fs::path& file) {
  const auto bytes = sluice::testing::read_file(file);
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// A copy of the fail_every fixture plugin alone in dir/plugins, which the
// test then makes untrustworthy in one way.
class PluginTrust : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_);
    fs::permissions(dir_, fs::perms(0755));
    fs::copy_file(fixture_plugin_dir() / "fail_every.so", plugin_);
    fs::permissions(plugin_, fs::perms(0755));
  }

  CliResult list() const { return ws_.sluice({"plugins", "--verbose", "--plugin-dir", dir_.string()}); }

  // The plugin is refused with `reason`, and is not offered.
  void expect_refused(const std::string& reason) const {
    const auto r = list();
    EXPECT_EQ(r.status.code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("refused plugin " + plugin_.string() + ": " + reason));
    EXPECT_THAT(r.out, Not(HasSubstr("fail_every")));
  }

  // A config using the copied plugin, optionally pinned to `sha256`.
  fs::path config(const std::string& sha256_line) const {
    const auto file = ws_ / "trust.toml";
    sluice::testing::write_file(file, "[host]\nplugin_dirs = [" + toml_string(dir_) + R"(]

[pipeline.p]
[[pipeline.p.source]]
plugin = "files"
path = "."

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "fail_every"
)" + sha256_line + R"(

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out.jsonl"
)");
    return file;
  }

  Workspace ws_;
  fs::path dir_ = ws_ / "plugins";
  fs::path plugin_ = dir_ / "fail_every.so";
};

TEST_F(PluginTrust, TrustedCopyLoadsAndShowsPathAndHash) {
  const auto r = list();
  EXPECT_EQ(r.status.code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("refused")));
  EXPECT_THAT(r.out, HasSubstr("fail_every"));
  EXPECT_THAT(r.out, HasSubstr(plugin_.string() + "  sha256:" + sha256_of(plugin_)));
}

TEST_F(PluginTrust, WorldWritableFileIsRefused) {
  fs::permissions(plugin_, fs::perms(0666));
  expect_refused("file is writable by other users (mode 0666); only its owner may write it");
}

TEST_F(PluginTrust, GroupWritableFileIsRefused) {
  fs::permissions(plugin_, fs::perms(0775));
  expect_refused("file is writable by its group (mode 0775)");
}

TEST_F(PluginTrust, WorldWritableDirectoryIsRefused) {
  fs::permissions(dir_, fs::perms(0777));
  expect_refused("directory " + fs::canonical(dir_).string() + " is writable by other users (mode 0777)");
}

// The sticky bit stops others renaming or deleting the file, but not adding
// a new .so next to it, which the directory scan would load: still refused.
TEST_F(PluginTrust, StickyWorldWritableDirectoryIsRefusedToo) {
  ASSERT_EQ(::chmod(dir_.c_str(), 01777), 0);
  expect_refused("directory " + fs::canonical(dir_).string() + " is writable by other users (mode 1777)");
}

TEST_F(PluginTrust, FileOwnedByAnotherUserIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to chown the plugin to another user";
  ASSERT_EQ(::chown(plugin_.c_str(), kNobody, kNobody), 0);
  expect_refused("file is owned by uid 65534, neither root nor the user running sluice");
}

TEST_F(PluginTrust, DirectoryOwnedByAnotherUserIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to chown the directory to another user";
  ASSERT_EQ(::chown(dir_.c_str(), kNobody, kNobody), 0);
  expect_refused("directory " + fs::canonical(dir_).string() +
                 " is owned by uid 65534, neither root nor the user running sluice");
}

// A config naming a refused plugin fails validation, and the refusal says why.
TEST_F(PluginTrust, ConfigUsingARefusedPluginIsInvalid) {
  fs::permissions(plugin_, fs::perms(0666));
  const auto r = ws_.sluice({"validate", config("").string()});
  EXPECT_EQ(r.status.code, 2);
  EXPECT_THAT(r.err, HasSubstr("refused plugin " + plugin_.string() + ": file is writable by other users"));
  EXPECT_THAT(r.err, HasSubstr("unknown plugin 'fail_every'"));
}

TEST_F(PluginTrust, RightSha256Validates) {
  const auto r = ws_.sluice({"validate", config("sha256 = \"" + sha256_of(plugin_) + "\"").string()});
  EXPECT_EQ(r.status.code, 0) << r.err;
}

TEST_F(PluginTrust, WrongSha256IsAConfigErrorNamingBothHashes) {
  const std::string pinned(64, 'a');
  const auto file = config("sha256 = \"" + pinned + "\"");
  const auto r = ws_.sluice({"validate", file.string()});
  EXPECT_EQ(r.status.code, 2);
  // Line 14 of the config above is the sha256 key's line; column 10 its value.
  EXPECT_THAT(r.err, HasSubstr(file.string() + ":14:10: error: plugin 'fail_every' at " + plugin_.string() +
                               " has sha256 " + sha256_of(plugin_) + ", the config pins " + pinned));
  EXPECT_EQ(ws_.sluice({"run", file.string()}).status.code, 2) << "nothing runs with a mismatched binary";
}

// A link is followed and its target's directories are checked too: a link
// in a trusted directory to a file in a world-writable one is refused.
TEST_F(PluginTrust, LinkIntoAWorldWritableDirectoryIsRefused) {
  const auto open_dir = ws_ / "open";
  fs::create_directories(open_dir);
  fs::permissions(open_dir, fs::perms(0777));
  fs::rename(plugin_, open_dir / "fail_every.so");
  fs::create_symlink(open_dir / "fail_every.so", plugin_);
  expect_refused("link target " + fs::canonical(open_dir / "fail_every.so").string() + ": directory " +
                 fs::canonical(open_dir).string() + " is writable by other users (mode 0777)");
}

// A link into a trusted directory loads, and is listed under its own name.
TEST_F(PluginTrust, LinkIntoATrustedDirectoryLoads) {
  const auto real_dir = ws_ / "real";
  fs::create_directories(real_dir);
  fs::permissions(real_dir, fs::perms(0755));
  fs::rename(plugin_, real_dir / "fail_every.so");
  fs::create_symlink(real_dir / "fail_every.so", plugin_);
  const auto r = list();
  EXPECT_THAT(r.err, Not(HasSubstr("refused")));
  EXPECT_THAT(r.out, HasSubstr(plugin_.string() + "  sha256:" + sha256_of(real_dir / "fail_every.so")));
}

// A directory above the plugin's own that others may write lets them swap
// the plugin's directory for their own: refused, naming it.
TEST_F(PluginTrust, WorldWritableDirectoryAboveIsRefused) {
  const auto upper = ws_ / "upper";
  fs::create_directories(upper);
  fs::rename(dir_, upper / "plugins");
  ASSERT_EQ(::chmod(upper.c_str(), 0777), 0);
  const auto r = ws_.sluice({"plugins", "--plugin-dir", (upper / "plugins").string()});
  EXPECT_THAT(r.err,
              HasSubstr("directory " + fs::canonical(upper).string() +
                        " is writable by other users (mode 0777) and not both sticky and owned by root"));
  EXPECT_THAT(r.out, Not(HasSubstr("fail_every")));
}

// ... unless it is sticky and owned by root, like /tmp: there nobody else
// may rename or remove the plugin's directory.
TEST_F(PluginTrust, StickyRootOwnedDirectoryAboveIsAccepted) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to own the sticky directory as root";
  const auto upper = ws_ / "upper";
  fs::create_directories(upper);
  fs::rename(dir_, upper / "plugins");
  ASSERT_EQ(::chmod(upper.c_str(), 01777), 0);
  const auto r = ws_.sluice({"plugins", "--plugin-dir", (upper / "plugins").string()});
  EXPECT_THAT(r.err, Not(HasSubstr("refused")));
  EXPECT_THAT(r.out, HasSubstr("fail_every"));
}

}  // namespace
}  // namespace reliability
