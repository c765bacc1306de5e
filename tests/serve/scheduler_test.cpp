// The scheduler under a fake clock: first runs, intervals and jitter, cron,
// catch-up after downtime, overlap skip/queue, `once`, reloads.
#include <gtest/gtest.h>

#include "config/schedule_text.hpp"
#include "fake_clock.hpp"

namespace sluice::serve_test {
namespace {

using host::Schedule;
using host::schedule::DueRun;
using host::schedule::Scheduler;
using std::chrono::minutes;
using std::chrono::seconds;

Schedule schedule(const std::string& text) {
  Schedule s;
  EXPECT_EQ(host::schedule::parse_schedule_text(text, s), "") << text;
  return s;
}

class SchedulerTest : public ::testing::Test {
 protected:
  // The pipelines due now, by name.
  std::vector<std::string> due() {
    last_due_ = scheduler_.take_due();
    std::vector<std::string> names;
    for (const auto& d : last_due_) names.push_back(d.pipeline);
    return names;
  }
  void configure(std::vector<std::pair<std::string, Schedule>> pipelines) { scheduler_.configure(pipelines); }
  TimePoint next_run(const std::string& p) { return scheduler_.timing(p)->next_run.value(); }

  const TimePoint start_ = utc(2025, 6, 2, 10, 0, 5);  // a Monday
  FakeClock clock_{start_};
  MemorySlots slots_;
  Scheduler scheduler_{clock_, slots_, 42};
  std::vector<DueRun> last_due_;
  const std::vector<std::string> none_;
  const std::vector<std::string> p_{"p"};
};

TEST_F(SchedulerTest, AnIntervalRunsAtStartThenEveryInterval) {
  configure({{"p", schedule("every 15m")}});
  EXPECT_EQ(due(), p_);
  EXPECT_EQ(last_due_[0].slot, start_);
  EXPECT_FALSE(last_due_[0].catch_up);
  scheduler_.finished("p", true);
  EXPECT_EQ(slots_.slots.at("p"), start_);
  clock_.advance(minutes(14));
  EXPECT_EQ(due(), none_);
  EXPECT_EQ(scheduler_.next_wakeup(), start_ + minutes(15));
  clock_.advance(minutes(1));
  EXPECT_EQ(due(), p_);
  EXPECT_EQ(last_due_[0].slot, start_ + minutes(15));
}

TEST_F(SchedulerTest, JitterDelaysEachRunWithinItsBound) {
  auto s = schedule("every 1m");
  s.jitter = seconds(20);
  configure({{"p", s}});
  bool saw_delay = false;
  for (int i = 0; i < 50; ++i) {
    const auto fire = next_run("p");
    const auto slot = start_ + minutes(i);
    ASSERT_GE(fire, slot);
    ASSERT_LE(fire, slot + seconds(20));
    saw_delay |= fire > slot;
    clock_.set(fire);
    ASSERT_EQ(due(), p_) << i;
    EXPECT_EQ(last_due_[0].slot, slot);  // the slot itself does not drift
    scheduler_.finished("p", true);
  }
  EXPECT_TRUE(saw_delay);
}

TEST_F(SchedulerTest, ACronScheduleWaitsForItsFirstTime) {
  configure({{"p", schedule("cron */15 * * * *")}});  // the host zone; these tests run in any
  EXPECT_EQ(due(), none_);
  clock_.set(next_run("p"));
  EXPECT_EQ(due(), p_);
}

TEST_F(SchedulerTest, CronInANamedZone) {
  auto s = schedule("cron 0 9 * * MON-FRI");
  s.timezone = "Europe/Berlin";
  clock_.set(utc(2025, 6, 6, 8));  // Friday 10:00 in Berlin
  configure({{"p", s}});
  EXPECT_EQ(next_run("p"), utc(2025, 6, 9, 7));  // Monday 09:00 CEST
}

TEST_F(SchedulerTest, CatchUpRunsOnceForAllMissedSlots) {
  slots_.slots["p"] = start_ - minutes(150);  // ten 15-minute slots ago
  configure({{"p", schedule("every 15m")}});
  EXPECT_EQ(due(), p_);
  EXPECT_TRUE(last_due_[0].catch_up);
  EXPECT_EQ(last_due_[0].slot, start_);
  scheduler_.finished("p", true);
  EXPECT_EQ(due(), none_);  // no burst of the other nine
  EXPECT_EQ(next_run("p"), start_ + minutes(15));
}

TEST_F(SchedulerTest, CatchUpForCronAfterAMissedNightlySlot) {
  auto s = schedule("cron 30 2 * * *");
  s.timezone = "Europe/Berlin";
  slots_.slots["p"] = utc(2025, 6, 1, 0, 30);  // Sunday 02:30 CEST served; Monday's was missed
  configure({{"p", s}});
  EXPECT_EQ(due(), p_);
  EXPECT_TRUE(last_due_[0].catch_up);
  scheduler_.finished("p", true);
  EXPECT_EQ(next_run("p"), utc(2025, 6, 3, 0, 30));
}

TEST_F(SchedulerTest, WithoutCatchUpMissedSlotsAreDropped) {
  auto s = schedule("every 15m");
  s.catch_up = false;
  slots_.slots["p"] = start_ - minutes(150) - seconds(30);
  configure({{"p", s}});
  EXPECT_EQ(due(), none_);
  EXPECT_EQ(next_run("p"), start_ + minutes(15) - seconds(30));  // the interval's own rhythm
}

TEST_F(SchedulerTest, ARestartBeforeTheNextSlotWaitsForIt) {
  slots_.slots["p"] = start_ - minutes(5);
  configure({{"p", schedule("every 15m")}});
  EXPECT_EQ(due(), none_);
  EXPECT_EQ(next_run("p"), start_ + minutes(10));
}

TEST_F(SchedulerTest, OverlapSkipDropsSlotsWhileRunning) {
  configure({{"p", schedule("every 1m")}});
  EXPECT_EQ(due(), p_);
  for (int i = 1; i <= 3; ++i) {
    clock_.set(start_ + minutes(i));
    EXPECT_EQ(due(), none_) << i;
  }
  EXPECT_EQ(scheduler_.timing("p")->skipped, 3u);
  clock_.advance(seconds(30));
  scheduler_.finished("p", true);
  EXPECT_EQ(due(), none_);  // nothing owed: the next slot is the next run
  clock_.set(start_ + minutes(4));
  EXPECT_EQ(due(), p_);
  EXPECT_EQ(last_due_[0].slot, start_ + minutes(4));
}

TEST_F(SchedulerTest, OverlapQueueRunsOnceMoreWhenTheRunEnds) {
  auto s = schedule("every 1m");
  s.overlap = Schedule::Overlap::queue;
  configure({{"p", s}});
  EXPECT_EQ(due(), p_);
  clock_.set(start_ + minutes(1));
  EXPECT_EQ(due(), none_);
  EXPECT_TRUE(scheduler_.timing("p")->queued);
  clock_.set(start_ + minutes(2));
  EXPECT_EQ(due(), none_);
  EXPECT_EQ(scheduler_.timing("p")->skipped, 1u);  // two slots share the one queued run
  clock_.advance(seconds(10));
  scheduler_.finished("p", true);
  EXPECT_EQ(scheduler_.next_wakeup(), clock_.now());
  EXPECT_EQ(due(), p_);
  EXPECT_TRUE(last_due_[0].queued);
  EXPECT_EQ(last_due_[0].slot, start_ + minutes(2));
  scheduler_.finished("p", true);
  EXPECT_EQ(due(), none_);
  EXPECT_EQ(slots_.slots.at("p"), start_ + minutes(2));
}

TEST_F(SchedulerTest, ALateWakeUpFoldsPassedSlotsIntoOneRun) {
  configure({{"p", schedule("every 1m")}});
  EXPECT_EQ(due(), p_);
  scheduler_.finished("p", true);
  clock_.set(start_ + minutes(10) + seconds(5));  // suspended for ten minutes
  EXPECT_EQ(due(), p_);
  EXPECT_EQ(last_due_[0].slot, clock_.now());  // it serves every slot up to now
  scheduler_.finished("p", true);
  EXPECT_EQ(slots_.slots.at("p"), clock_.now());
  EXPECT_EQ(due(), none_);
  EXPECT_EQ(next_run("p"), start_ + minutes(11));
}

TEST_F(SchedulerTest, AStoppedRunDoesNotCountAsServed) {
  configure({{"p", schedule("every 1m")}});
  EXPECT_EQ(due(), p_);
  scheduler_.finished("p", false);
  EXPECT_EQ(slots_.slots.count("p"), 0u);  // so a restart catches up at once
}

TEST_F(SchedulerTest, OnceRunsOncePerStartAndForNewPipelines) {
  configure({{"a", schedule("once")}});
  EXPECT_EQ(due(), (std::vector<std::string>{"a"}));
  scheduler_.finished("a", true);
  EXPECT_EQ(slots_.slots.count("a"), 0u);
  EXPECT_EQ(scheduler_.next_wakeup(), std::nullopt);
  clock_.advance(minutes(5));
  EXPECT_EQ(due(), none_);
  configure({{"a", schedule("once")}, {"b", schedule("once")}});  // a reload
  EXPECT_EQ(due(), (std::vector<std::string>{"b"}));
  EXPECT_EQ(scheduler_.timing("a")->next_run, std::nullopt);
}

TEST_F(SchedulerTest, AReloadKeepsUnchangedTimingAndReplansChangedOnes) {
  configure({{"a", schedule("every 10m")}, {"b", schedule("every 10m")}});
  EXPECT_EQ(due(), (std::vector<std::string>{"a", "b"}));
  scheduler_.finished("a", true);
  clock_.advance(minutes(2));
  configure({{"a", schedule("every 10m")}, {"b", schedule("every 1h")}});  // b still running
  EXPECT_EQ(next_run("a"), start_ + minutes(10));
  EXPECT_EQ(next_run("b"), start_ + minutes(60));  // from the slot of its run in progress
  EXPECT_TRUE(scheduler_.timing("b")->running);
  scheduler_.finished("b", true);
  EXPECT_EQ(slots_.slots.at("b"), start_);
}

TEST_F(SchedulerTest, APipelineRemovedByAReloadIsForgotten) {
  configure({{"a", schedule("every 10m")}});
  EXPECT_EQ(due(), (std::vector<std::string>{"a"}));
  configure({});
  scheduler_.finished("a", true);  // its run ends after the reload: ignored
  EXPECT_EQ(scheduler_.timing("a"), std::nullopt);
  EXPECT_EQ(scheduler_.next_wakeup(), std::nullopt);
}

}  // namespace
}  // namespace sluice::serve_test
