// The loader opens a plugin once and checks, hashes and loads that one
// descriptor, following a link to its target and checking the target's
// directories. Here root loads a plugin through a link in a trusted
// directory whose target sits in a world-writable one, while an
// unprivileged attacker (setpriv to nobody) swaps that target with its own
// .so as fast as it can: the attacker's plugin must never be loaded, and
// every load must be refused naming the open directory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "fixture_paths.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr uid_t kNobody = 65534;
constexpr int kLoads = 40;

TEST(PluginSwapRace, AttackerSwappingTheLinkTargetNeverGetsItsPluginLoaded) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root: the test loads as root and drops to uid nobody (setpriv) for the attacker";
  Workspace ws;
  const auto trusted = ws / "plugins";
  const auto open_dir = ws / "open";
  fs::create_directories(trusted);
  fs::create_directories(open_dir);
  fs::permissions(trusted, fs::perms(0755));
  ASSERT_EQ(::chmod(open_dir.c_str(), 0777), 0);
  // Root's plugin, and the attacker's (another plugin, owned by nobody).
  fs::copy_file(fixture_plugin_dir() / "fail_every.so", open_dir / "current.so");
  fs::copy_file(fixture_plugin_dir() / "crash_enricher.so", open_dir / "other.so");
  ASSERT_EQ(::chmod((open_dir / "current.so").c_str(), 0755), 0);
  ASSERT_EQ(::chmod((open_dir / "other.so").c_str(), 0755), 0);
  ASSERT_EQ(::chown((open_dir / "other.so").c_str(), kNobody, kNobody), 0);
  fs::create_symlink(open_dir / "current.so", trusted / "fail_every.so");

  const auto stop = ws / "stop";
  ChildProcess attacker({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                         SWAP_ATTACKER, open_dir.string(), "current.so", "other.so", stop.string()},
                        ws.dir(), ws / "attacker.out", ws / "attacker.err");

  int refused = 0;
  for (int i = 0; i < kLoads; ++i) {
    const auto r = ws.sluice({"plugins", "--plugin-dir", trusted.string()});
    ASSERT_EQ(r.status.code, 0) << r.err;
    ASSERT_THAT(r.out, Not(HasSubstr("crash_enricher"))) << "load " << i << " loaded the attacker's plugin";
    if (r.err.find("refused plugin " + (trusted / "fail_every.so").string() + ": link target") !=
            std::string::npos &&
        r.err.find("directory " + fs::canonical(open_dir).string() + " is writable by other users") !=
            std::string::npos)
      ++refused;
  }
  { std::ofstream(stop.string()) << "stop\n"; }
  const auto status = attacker.wait();
  ASSERT_EQ(status.code, 0) << sluice::testing::read_file(ws / "attacker.err");

  EXPECT_EQ(refused, kLoads) << "every load through the link is refused, naming the open directory";
  // The attacker really raced: it swapped the files many times meanwhile.
  long swaps = 0, failures = 0;
  const auto out = sluice::testing::read_file(ws / "attacker.out");
  ASSERT_EQ(std::sscanf(out.c_str(), "swaps %ld failures %ld", &swaps, &failures), 2) << out;
  EXPECT_GT(swaps, 1000) << out;
  EXPECT_EQ(failures, 0) << "the attacker could not swap: " << out;
}

}  // namespace
}  // namespace reliability
