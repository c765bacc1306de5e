// host/src/runtime/buffer_pool.hpp: buffers come back with their capacity, within
// the pool's limits.
#include "runtime/buffer_pool.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sluice::host::detail {
namespace {

TEST(BufferPool, AReturnedBufferIsReusedEmptyWithItsCapacity) {
  BufferPool pool(4, 1 << 20);
  std::string done(5000, 'x');
  const char* storage = done.data();
  pool.give(done);
  std::string next;
  pool.take(next);
  EXPECT_TRUE(next.empty());
  EXPECT_GE(next.capacity(), 5000u);
  EXPECT_EQ(next.data(), storage) << "not the same allocation";
}

TEST(BufferPool, KeepsNoHugeBuffersAndNoMoreThanItsLimit) {
  BufferPool pool(1, 4096);
  std::string huge(10000, 'x');
  pool.give(huge);
  EXPECT_EQ(huge.size(), 10000u) << "a buffer over the limit stays with its owner";
  std::string a(100, 'a'), b(100, 'b');
  pool.give(a);
  pool.give(b);
  EXPECT_EQ(b.size(), 100u) << "the pool was already full";
  std::string first, second;
  pool.take(first);
  pool.take(second);
  EXPECT_GE(first.capacity(), 100u);
  EXPECT_TRUE(second.empty());
}

}  // namespace
}  // namespace sluice::host::detail
