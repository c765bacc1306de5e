// Politeness waits between requests to one host, never across hosts.
#include "net/politeness.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace sluice::plugins::net {
namespace {

using namespace std::chrono_literals;

TEST(Politeness, WaitsOnlyBeforeASecondRequestToTheSameHost) {
  std::vector<Politeness::Clock::duration> slept;
  Politeness p(10s, [&](Politeness::Clock::duration d) { slept.push_back(d); });
  p.wait("news.example");
  p.wait("other.example");
  EXPECT_TRUE(slept.empty());
  p.wait("NEWS.example");  // host names are case-insensitive
  ASSERT_EQ(slept.size(), 1u);
  EXPECT_GT(slept[0], 9s);
  EXPECT_LE(slept[0], 10s);
}

TEST(Politeness, ZeroDelayNeverWaits) {
  int sleeps = 0;
  Politeness p(0ms, [&](Politeness::Clock::duration) { ++sleeps; });
  for (int i = 0; i < 5; ++i) p.wait("a.example");
  EXPECT_EQ(sleeps, 0);
}

TEST(Politeness, RealSleepSpacesTheRequests) {
  Politeness p(150ms);
  const auto t0 = Politeness::Clock::now();
  p.wait("a.example");
  p.wait("a.example");
  p.wait("a.example");
  EXPECT_GE(Politeness::Clock::now() - t0, 295ms);
}

}  // namespace
}  // namespace sluice::plugins::net
