// A state database that cannot be used stops every verb at open with exit
// status 2, naming the file and the ways on (restore it, `sluice state
// check`, `--reset-state`) — never a read error retried as if transient.
// `--reset-state` moves the bad file aside and the run starts fresh.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "corpus.hpp"
#include "delivery.hpp"
#include "fixture_paths.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr long kArticles = 300;
constexpr const char* kNamed = "state/sluice.db";  // as Workspace::config names it

// The sqlite sink upserts by article id, so a fresh state repeats nothing.
const char* kPipeline = R"([pipeline.p]
batch_size = 50

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)";

// `named`: the state file as the config or --state named it; the advice
// names it absolutely, so it works from any directory.
void expect_refused_at_open(const CliResult& r, const std::string& verb, const std::string& named,
                            const std::filesystem::path& absolute) {
  EXPECT_EQ(r.status.code, 2) << verb << ": " << r.err;
  EXPECT_THAT(r.err, HasSubstr("sluice " + verb + ": state database " + named + " cannot be used"));
  EXPECT_THAT(r.err, HasSubstr("sluice state check --state " + absolute.string()));
  EXPECT_THAT(r.err, HasSubstr("--reset-state"));
  EXPECT_THAT(r.err, Not(HasSubstr("failed (attempt"))) << "never retried as a transient error";
}

class StateFault : public ::testing::Test {
 protected:
  void SetUp() override {
    write_corpus(ws_ / "in", kArticles);
    cfg_ = ws_.config("p.toml", kPipeline);
    const auto first = ws_.sluice({"run", cfg_.string(), "--quiet"});
    ASSERT_EQ(first.status.code, 0) << first.err;
  }

  // Overwrites a page in the middle of the state file (the CLI has exited,
  // so its WAL is merged into the file).
  void damage_state() {
    const auto file = ws_.state_file();
    const auto size = std::filesystem::file_size(file);
    ASSERT_GT(size, 8u * 4096) << "the test needs a state database of several pages";
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 4096 / 2 * 4096));
    const std::string garbage(4096, '\x5a');
    f.write(garbage.data(), 4096);
  }

  Workspace ws_;
  std::filesystem::path cfg_;
};

TEST_F(StateFault, ADamagedStateStopsEveryVerbAtOpen) {
  damage_state();
  const auto started = std::chrono::steady_clock::now();
  expect_refused_at_open(ws_.sluice({"run", cfg_.string()}), "run", kNamed, ws_.state_file());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30)) << "no retrying";
  expect_refused_at_open(ws_.sluice({"dlq", "list", "--config", cfg_.string()}), "dlq", kNamed,
                         ws_.state_file());
  expect_refused_at_open(ws_.sluice({"history", "--config", cfg_.string()}), "history", kNamed,
                         ws_.state_file());
  const auto serve_cfg = ws_.config("serve.toml", std::string("metrics_port = 0\n") + kPipeline);
  // (metrics_port lands in [host]: the config's [host] table comes first.)
  expect_refused_at_open(ws_.sluice({"serve", serve_cfg.string()}), "serve", kNamed, ws_.state_file());

  const auto check = ws_.sluice({"state", "check", "--config", cfg_.string()});
  EXPECT_EQ(check.status.code, 1) << check.err;
  EXPECT_THAT(check.out, HasSubstr("integrity:     DAMAGED"));
  EXPECT_THAT(check.out, HasSubstr("--reset-state"));

  // Starting fresh keeps the damaged file aside; the rerun delivers all
  // articles again (the upserting sink holds each once).
  const auto before = sluice::testing::read_file(ws_.state_file());
  const auto fresh = ws_.sluice({"run", cfg_.string(), "--reset-state"});
  EXPECT_EQ(fresh.status.code, 0) << fresh.err;
  EXPECT_THAT(fresh.err, HasSubstr("--reset-state: moved state/sluice.db to state/sluice.db.bad-"));
  std::vector<std::filesystem::path> aside;
  for (const auto& e : std::filesystem::directory_iterator(ws_.state_file().parent_path()))
    if (e.path().filename().string().starts_with("sluice.db.bad-") &&
        !e.path().filename().string().ends_with("-wal") && !e.path().filename().string().ends_with("-shm"))
      aside.push_back(e.path());
  ASSERT_EQ(aside.size(), 1u);
  EXPECT_EQ(sluice::testing::read_file(aside[0]), before) << "moved, not changed";
  const auto t = tally_sqlite(ws_ / "out/a.db");
  EXPECT_THAT(t.lost(marker_range(kArticles)), IsEmpty());
  EXPECT_EQ(t.records, static_cast<std::size_t>(kArticles));
  const auto ok = ws_.sluice({"state", "check", "--config", cfg_.string()});
  EXPECT_EQ(ok.status.code, 0) << ok.out;
  EXPECT_THAT(ok.out, HasSubstr("integrity:     ok"));
}

TEST_F(StateFault, AFileThatIsNoDatabaseStopsTheRunAtOpen) {
  std::filesystem::remove(ws_.state_file());
  sluice::testing::write_file(ws_.state_file(), "this is a text file, not SQLite\n");
  const auto r = ws_.sluice({"run", cfg_.string()});
  expect_refused_at_open(r, "run", kNamed, ws_.state_file());
  EXPECT_THAT(r.err, HasSubstr("file is not a database"));
}

// As root the CLI runs as nobody (setpriv), since root reads any file.
TEST_F(StateFault, AStateThisUserMayNotReadStopsTheRunAtOpen) {
  ASSERT_EQ(::chmod(ws_.state_file().c_str(), 0), 0);
  std::vector<std::string> args{"dlq", "list", "--state", ws_.state_file().string()};
  CliResult r;
  if (::geteuid() == 0) {
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/setpriv"))
        << "util-linux's setpriv drops root for this test";
    ::chmod(ws_.dir().c_str(), 0755);
    ::chmod(ws_.state_file().parent_path().c_str(), 0777);
    const auto out = ws_ / "nobody.out", err = ws_ / "nobody.err";
    std::vector<std::string> argv{"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                  cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    ChildProcess child(argv, ws_.dir(), out, err);
    r.status = child.wait();
    r.out = sluice::testing::read_file(out);
    r.err = sluice::testing::read_file(err);
  } else {
    r = ws_.sluice(args);
  }
  expect_refused_at_open(r, "dlq", ws_.state_file().string(), ws_.state_file());
  EXPECT_THAT(r.err, HasSubstr("may not read and write it"));
}

}  // namespace
}  // namespace reliability
