// A full disk (ENOSPC from write/fsync, SQLITE_FULL) is not retried like a
// network blip: the run stops at once naming the sink and its file, nothing
// is dead-lettered, nothing acknowledged is lost, and after space is freed a
// rerun delivers every article exactly once. The disk is a real tmpfs of a
// few KiB mounted for the test (remounted larger to "free space"), so the
// sinks meet ENOSPC from the kernel on their ordinary code path.
//
// Mounting needs root (CI runs as root). Without it these tests are
// reported as SKIPPED with the reason, never as passed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "corpus.hpp"
#include "delivery.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr long kArticles = 300;  // a few hundred KiB of output: far over the disk

// files -> seed_text -> jsonl + sqlite, at the paths given.
std::string pipeline(const std::string& jsonl_path, const std::string& sqlite_path) {
  return R"([pipeline.p]
workers = 2
batch_size = 16

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
name = "lines"
plugin = "jsonl"
path = ")" +
         jsonl_path + R"("

[[pipeline.p.sink]]
name = "table"
plugin = "sqlite"
path = ")" +
         sqlite_path + R"("
)";
}

class DiskFull : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0)
      GTEST_SKIP() << "NOT RUN: mounting the small tmpfs this test fills needs root (CI runs as root)";
    write_corpus(ws_ / "in", kArticles);
  }
  // A disk of `size` (mount option syntax: "48k"): room for the sink to
  // open, not for the whole output.
  void mount_small(const std::string& size) {
    fs::create_directories(small_);
    const std::string options = "size=" + size + ",mode=0755";
    if (::mount("tmpfs", small_.c_str(), "tmpfs", 0, options.c_str()) != 0)
      GTEST_SKIP() << "NOT RUN: cannot mount a tmpfs on " << small_ << ": " << std::strerror(errno);
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount2(small_.c_str(), MNT_DETACH);
  }
  void free_space() const {
    ASSERT_EQ(::mount(nullptr, small_.c_str(), nullptr, MS_REMOUNT, "size=64m"), 0) << std::strerror(errno);
  }

  // Runs until the disk is full, frees space, reruns; checks both sinks.
  void fill_then_rerun(const fs::path& cfg, const std::string& full_sink, const fs::path& full_file) {
    const auto full = ws_.sluice({"run", cfg.string(), "--quiet"});
    EXPECT_EQ(full.status.code, 1) << full.err;
    EXPECT_THAT(full.err, HasSubstr("sink '" + full_sink + "' is out of space, run stopped"));
    EXPECT_THAT(full.err, HasSubstr(full_file.string()));
    EXPECT_THAT(full.err, Not(HasSubstr("failed (attempt"))) << "a full disk must not be retried";
    EXPECT_THAT(ws_.dead_letters(), IsEmpty()) << "a full disk must not dead-letter batches";

    free_space();
    const auto rerun = ws_.sluice({"run", cfg.string(), "--quiet"});
    EXPECT_EQ(rerun.status.code, 0) << rerun.err;
    const auto all = marker_range(kArticles);
    for (const auto& [name, t] :
         {std::pair{"jsonl", tally_jsonl(jsonl_)}, std::pair{"sqlite", tally_sqlite(db_)}}) {
      EXPECT_THAT(t.lost(all), IsEmpty()) << name;
      EXPECT_THAT(t.duplicated(), IsEmpty()) << name;
      EXPECT_EQ(t.records, all.size()) << name;
      EXPECT_EQ(t.malformed, 0u) << name;
    }
  }

  Workspace ws_;
  fs::path small_ = ws_ / "small";
  fs::path jsonl_, db_;
  bool mounted_ = false;
};

TEST_F(DiskFull, AJsonlSinkStopsTheRunAndARerunCompletes) {
  mount_small("48k");
  if (!mounted_) return;
  jsonl_ = small_ / "a.jsonl";
  db_ = ws_ / "out/a.db";
  const auto cfg = ws_.config("p.toml", pipeline(jsonl_.string(), "out/a.db"));
  fill_then_rerun(cfg, "lines", jsonl_);
}

TEST_F(DiskFull, AnSqliteSinkStopsTheRunAndARerunCompletes) {
  mount_small("768k");
  if (!mounted_) return;
  jsonl_ = ws_ / "out/a.jsonl";
  db_ = small_ / "a.db";
  const auto cfg = ws_.config("p.toml", pipeline("out/a.jsonl", db_.string()));
  fill_then_rerun(cfg, "table", db_);
}

}  // namespace
}  // namespace reliability
