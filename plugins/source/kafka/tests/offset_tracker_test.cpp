// OffsetTracker: from the host's in-order acknowledgements to the offsets a
// consumer may commit, one acknowledgement late and per assignment epoch.
#include "offset_tracker.hpp"

#include <gtest/gtest.h>

namespace {

using sluice::plugins::kafka::CommitOffset;
using sluice::plugins::kafka::OffsetTracker;
using sluice::plugins::kafka::TopicPartition;

const TopicPartition kP0{"news", 0}, kP1{"news", 1};

std::map<std::int32_t, std::int64_t> as_map(const std::vector<CommitOffset>& v) {
  std::map<std::int32_t, std::int64_t> out;
  for (const auto& c : v) out[c.tp.partition] = c.offset;
  return out;
}

TEST(OffsetTracker, CommitsTheNextOffsetPerPartitionOneAcknowledgementLate) {
  OffsetTracker t;
  t.assign(kP0);
  t.assign(kP1);
  EXPECT_EQ(t.delivered(kP0, 10), 0u);
  EXPECT_EQ(t.delivered(kP1, 5), 1u);
  EXPECT_EQ(t.delivered(kP0, 11), 2u);
  EXPECT_EQ(t.delivered(kP0, 12), 3u);

  t.acknowledged(1);  // p0:10 and p1:5 stored; the host has not committed its transaction yet
  EXPECT_TRUE(t.committable().empty());
  t.acknowledged(2);  // now the first acknowledgement is safe
  EXPECT_EQ(as_map(t.committable()), (std::map<std::int32_t, std::int64_t>{{0, 11}, {1, 6}}));
  t.committed(t.committable());
  EXPECT_TRUE(t.committable().empty());
  t.finish();  // the run is over: the latest acknowledgement (p0:11) is safe too
  EXPECT_EQ(as_map(t.committable()), (std::map<std::int32_t, std::int64_t>{{0, 12}}));
  EXPECT_EQ(t.in_flight(), 1u);  // p0:12 was never acknowledged
}

TEST(OffsetTracker, AFailedCommitIsOfferedAgain) {
  OffsetTracker t;
  t.assign(kP0);
  t.delivered(kP0, 0);
  t.acknowledged(0);
  t.finish();
  const auto first = t.committable();
  ASSERT_EQ(first.size(), 1u);
  t.committed({});  // the broker refused it
  EXPECT_EQ(as_map(t.committable()), (std::map<std::int32_t, std::int64_t>{{0, 1}}));
}

TEST(OffsetTracker, RevokeReturnsOnlyWhatIsSafeAndForgetsTheRest) {
  OffsetTracker t;
  t.assign(kP0);
  for (int o = 0; o < 4; ++o) t.delivered(kP0, o);
  t.acknowledged(0);
  t.acknowledged(1);  // offset 0 safe, offset 1 acknowledged but not yet safe
  const auto last = t.revoke(kP0);
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->offset, 1);
  EXPECT_FALSE(t.owns(kP0));
  t.acknowledged(3);  // documents read before the revoke: the new owner reads them again
  t.finish();
  EXPECT_TRUE(t.committable().empty());
}

TEST(OffsetTracker, AcknowledgementsFromAnEarlierAssignmentDoNotCountInTheNextOne) {
  OffsetTracker t;
  t.assign(kP0);
  t.delivered(kP0, 40);  // sequence 0, first epoch
  (void)t.revoke(kP0);
  t.assign(kP0);         // assigned again: reading restarts at the committed offset
  t.delivered(kP0, 20);  // sequence 1
  t.acknowledged(0);     // the old delivery of offset 40
  t.finish();
  EXPECT_TRUE(t.committable().empty()) << "committing 41 would skip offsets 20..39";
  t.acknowledged(1);
  t.finish();
  EXPECT_EQ(as_map(t.committable()), (std::map<std::int32_t, std::int64_t>{{0, 21}}));
}

TEST(OffsetTracker, NothingToRevokeForAPartitionNeverAssigned) {
  OffsetTracker t;
  EXPECT_FALSE(t.revoke(kP1).has_value());
}

}  // namespace
