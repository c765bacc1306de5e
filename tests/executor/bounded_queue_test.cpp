// host/src/runtime/bounded_queue.hpp with real threads: order, backpressure with a
// low-water mark, consumers that gather before waking, and close().
#include "runtime/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace sluice::host::detail {
namespace {

using namespace std::chrono_literals;

// Generous: a loaded CI machine may take a while to run a woken thread.
constexpr auto kPatience = 30s;
// How long a thread gets to do what it must not do (the negative checks).
constexpr auto kGrace = 100ms;

// Polls until `done()`; false after kPatience.
template <class F>
bool eventually(F done) {
  const auto give_up = std::chrono::steady_clock::now() + kPatience;
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

TEST(BoundedQueue, DeliversInOrderAndDrainsAfterClose) {
  BoundedQueue<int> q(8, 1, 0us);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(q.push(i));
  q.close();
  int v = 42;
  EXPECT_FALSE(q.push(v)) << "a closed queue takes no more";
  EXPECT_EQ(v, 42) << "a refused item stays with the caller";
  for (int i = 0; i < 5; ++i) {
    const auto got = q.pop();
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, i);
  }
  EXPECT_FALSE(q.pop().has_value());
  EXPECT_TRUE(q.drained());
}

TEST(BoundedQueue, AFullQueueHoldsItsProducerUntilHalfDrained) {
  BoundedQueue<int> q(4, 1, 0us);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(q.push(i));
  auto producer = std::async(std::launch::async, [&] {
    int v = 4;
    return q.push(v);
  });
  ASSERT_TRUE(eventually([&] { return q.producers_waiting() == 1; })) << "pushed into a full queue";
  ASSERT_TRUE(q.pop());  // 3 left: above the low-water mark of 2
  EXPECT_EQ(producer.wait_for(kGrace), std::future_status::timeout) << "woken above the low-water mark";
  ASSERT_TRUE(q.pop());  // 2 left: the producer may go on
  ASSERT_EQ(producer.wait_for(kPatience), std::future_status::ready);
  EXPECT_TRUE(producer.get());
  EXPECT_EQ(q.size(), 3u);
  for (int expected : {2, 3, 4}) EXPECT_EQ(q.pop(), expected);
}

TEST(BoundedQueue, AnIdleConsumerWaitsForEnoughItems) {
  BoundedQueue<int> q(16, 3, std::chrono::duration_cast<std::chrono::microseconds>(kPatience));
  auto consumer = std::async(std::launch::async, [&] { return q.pop(); });
  ASSERT_TRUE(eventually([&] { return q.consumers_waiting() == 1; }));
  int v = 1;
  ASSERT_TRUE(q.push(v));
  EXPECT_EQ(consumer.wait_for(kGrace), std::future_status::timeout) << "woke for one item of three";
  for (int i = 2; i <= 3; ++i) ASSERT_TRUE(q.push(i));
  ASSERT_EQ(consumer.wait_for(kPatience), std::future_status::ready) << "not woken at three items";
  EXPECT_EQ(consumer.get(), 1);
}

TEST(BoundedQueue, ASingleItemIsHandedOnAfterTheGatherTime) {
  constexpr auto gather = 20ms;
  BoundedQueue<int> q(16, 8, gather);
  auto consumer = std::async(std::launch::async, [&] {
    auto item = q.pop();
    return std::make_pair(item, std::chrono::steady_clock::now());
  });
  ASSERT_TRUE(eventually([&] { return q.consumers_waiting() == 1; }));
  const auto pushed = std::chrono::steady_clock::now();
  int v = 7;
  ASSERT_TRUE(q.push(v));
  ASSERT_EQ(consumer.wait_for(kPatience), std::future_status::ready) << "a lone item was never handed on";
  const auto [item, at] = consumer.get();
  EXPECT_EQ(item, 7);
  EXPECT_GE(at - pushed, gather - 1ms) << "did not wait for more items to gather";
}

TEST(BoundedQueue, CloseWakesBlockedProducersAndConsumers) {
  BoundedQueue<int> full(1, 1, 0us);
  int v = 0;
  ASSERT_TRUE(full.push(v));
  auto producer = std::async(std::launch::async, [&] {
    int w = 1;
    return full.push(w);
  });
  BoundedQueue<int> empty(4, 1, 0us);
  auto consumer = std::async(std::launch::async, [&] { return empty.pop(); });
  ASSERT_TRUE(eventually([&] { return full.producers_waiting() == 1 && empty.consumers_waiting() == 1; }));
  full.close();
  empty.close();
  ASSERT_EQ(producer.wait_for(kPatience), std::future_status::ready);
  EXPECT_FALSE(producer.get());
  ASSERT_EQ(consumer.wait_for(kPatience), std::future_status::ready);
  EXPECT_FALSE(consumer.get().has_value());
  EXPECT_EQ(full.pop(), 0) << "what was queued before close() is still delivered";
}

TEST(BoundedQueue, PopBulkTakesWhatIsThereByItsDeadline) {
  BoundedQueue<int> q(16, 8, 0us);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(q.push(i));
  std::vector<int> out;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(q.pop_bulk(out, 16, start + 20ms), 3u);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 19ms) << "returned before wake_at or the deadline";
  EXPECT_EQ(out, (std::vector<int>{0, 1, 2}));

  for (int i = 3; i < 13; ++i) ASSERT_TRUE(q.push(i));
  out.clear();
  EXPECT_EQ(q.pop_bulk(out, 4, std::chrono::steady_clock::time_point::max()), 4u) << "at most max";
  EXPECT_EQ(out, (std::vector<int>{3, 4, 5, 6}));
  EXPECT_EQ(q.size(), 6u);

  q.close();
  out.clear();
  EXPECT_EQ(q.pop_bulk(out, 100, std::chrono::steady_clock::time_point::max()), 6u);
  EXPECT_EQ(q.pop_bulk(out, 100, std::chrono::steady_clock::time_point::max()), 0u);
  EXPECT_TRUE(q.drained());
}

// Many producers and consumers: every item arrives exactly once, whatever
// the interleaving of the batched wake-ups.
TEST(BoundedQueue, NoItemIsLostOrDuplicatedUnderContention) {
  constexpr int kProducers = 3, kConsumers = 3, kEach = 20000;
  BoundedQueue<int> q(64, 16, 500us);
  std::vector<std::atomic<int>> seen(kProducers * kEach);
  std::vector<std::thread> consumers;
  for (int c = 0; c < kConsumers; ++c)
    consumers.emplace_back([&] {
      while (auto v = q.pop()) seen[static_cast<std::size_t>(*v)]++;
    });
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p)
    producers.emplace_back([&, p] {
      for (int i = 0; i < kEach; ++i) {
        int v = p * kEach + i;
        ASSERT_TRUE(q.push(v));
      }
    });
  for (auto& t : producers) t.join();
  q.close();
  for (auto& t : consumers) t.join();
  for (std::size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i].load(), 1) << "item " << i;
}

}  // namespace
}  // namespace sluice::host::detail
