// A pipeline polled often that finds nothing new stays quiet: the first idle
// run is logged with a note, later ones only counted into a heartbeat at
// most once a minute, and the first run that does work is logged again.
#include "serve/idle_log.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace sluice::host::serve {
namespace {

using namespace std::chrono_literals;

RunReport with_documents(std::uint64_t n) {
  RunReport r;
  r.documents = n;
  return r;
}

TEST(IdleLog, FirstIdleRunIsLoggedThenCountedIntoAHeartbeat) {
  IdleLog log(60s);
  const auto t0 = IdleLog::Clock::time_point{} + 1h;
  std::vector<std::string> beats;
  const auto collect = [&](const std::string& line) { beats.push_back(line); };

  EXPECT_TRUE(log.announce_start("p"));
  EXPECT_EQ(log.finished("p", with_documents(0), "line", t0),
            "line (nothing new; further idle runs are summarised at most once a minute)");
  EXPECT_FALSE(log.announce_start("p"));
  for (int i = 1; i <= 11; ++i) EXPECT_EQ(log.finished("p", with_documents(0), "line", t0 + i * 5s), "");
  log.heartbeat(t0 + 59s, collect);
  EXPECT_TRUE(beats.empty()) << "no heartbeat before a minute has passed";
  log.heartbeat(t0 + 60s, collect);
  ASSERT_EQ(beats.size(), 1u);
  EXPECT_EQ(beats[0], "pipeline p: idle, 11 run(s) in the last 60 s found nothing new");
  log.heartbeat(t0 + 200s, collect);
  EXPECT_EQ(beats.size(), 1u) << "no heartbeat without idle runs since the last one";
}

TEST(IdleLog, ARunThatDoesWorkIsLoggedInFullAgain) {
  IdleLog log(60s);
  const auto t0 = IdleLog::Clock::time_point{} + 1h;
  log.finished("p", with_documents(0), "idle", t0);
  EXPECT_EQ(log.finished("p", with_documents(3), "three documents", t0 + 5s), "three documents");
  EXPECT_TRUE(log.announce_start("p"));
  EXPECT_NE(log.finished("p", with_documents(0), "idle again", t0 + 10s), "");
}

TEST(IdleLog, FailuresAndStopsAreNeverIdle) {
  RunReport failed = with_documents(0);
  failed.failed = 1;
  EXPECT_FALSE(IdleLog::idle(failed));
  RunReport stopped = with_documents(0);
  stopped.stopped = true;
  EXPECT_FALSE(IdleLog::idle(stopped));
  EXPECT_TRUE(IdleLog::idle(with_documents(0)));
}

}  // namespace
}  // namespace sluice::host::serve
