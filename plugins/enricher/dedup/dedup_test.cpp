// The `dedup` enricher: marking near-duplicates within a run and across runs.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "dedup_enricher.hpp"
#include "simhash.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::dedup {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::dedup {
namespace {

using text_stats::testing::init_of;
using text_stats::testing::MemoryState;

sdk::Article seed_with_id(const std::string& id) {
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  a.id = id;
  return a;
}

// The seed as a second outlet might run it: two words changed.
sdk::Article edited_seed(const std::string& id) {
  sdk::Article a = seed_with_id(id);
  a.body[1].replace(a.body[1].find("personal"), 8, "private");
  a.body[2].replace(a.body[2].find("rare"), 4, "unusual");
  return a;
}

sdk::Article unrelated(const std::string& id) {
  sdk::Article a;
  a.id = id;
  for (int i = 0; i < 10; ++i) {
    a.body.push_back("Farmers in the valley reported a record harvest of apples and pears, field " +
                     std::to_string(i) + ", while cider makers raised prices across the whole region.");
  }
  return a;
}

std::string duplicate_of(const sdk::Article& a) {
  const sdk::Value* v = a.fields.find("duplicate_of");
  return v == nullptr ? "" : v->as_string();
}

TEST(Dedup, SetsTheSimhash) {
  DedupEnricher e(init_of(descriptor()));
  sdk::Article a = seed_with_id("a");
  e.enrich(a);
  ASSERT_TRUE(a.simhash);
  sdk::Article b = seed_with_id("b");
  DedupEnricher(init_of(descriptor())).enrich(b);
  EXPECT_EQ(a.simhash, b.simhash);  // same text, same hash, whatever the id
}

TEST(Dedup, MarksNearDuplicatesInTheSameRun) {
  DedupEnricher e(init_of(descriptor()));
  sdk::Article a = seed_with_id("first"), b = edited_seed("second"), c = unrelated("third");
  e.enrich(a);
  e.enrich(b);
  e.enrich(c);
  EXPECT_EQ(duplicate_of(a), "");
  EXPECT_EQ(duplicate_of(b), "first");
  EXPECT_GE(b.fields.find("duplicate_distance")->as_int(), 1);
  EXPECT_LE(b.fields.find("duplicate_distance")->as_int(), 6);
  EXPECT_EQ(duplicate_of(c), "");
}

TEST(Dedup, DropModeThrowsTheDropSignalForDuplicatesOnly) {
  DedupEnricher e(init_of(descriptor(), {{"drop", true}}));
  sdk::Article a = seed_with_id("first"), b = edited_seed("second"), c = unrelated("third");
  EXPECT_NO_THROW(e.enrich(a));
  try {
    e.enrich(b);
    FAIL() << "a near-duplicate must be dropped";
  } catch (const sdk::ArticleDropped& dropped) {
    EXPECT_NE(std::string(dropped.what()).find("near-duplicate of first"), std::string::npos)
        << dropped.what();
  }
  EXPECT_NO_THROW(e.enrich(c));
  EXPECT_EQ(duplicate_of(a), "");
  EXPECT_EQ(duplicate_of(c), "");
}

TEST(Dedup, MaxDistanceIsAnInclusiveThreshold) {
  // Two words changed and the last of 20 paragraphs cut: some bits apart.
  sdk::Article a = seed_with_id("full"), cut = edited_seed("cut");
  cut.body.pop_back();
  DedupEnricher probe(init_of(descriptor(), {{"max_distance", 15}}));
  probe.enrich(a);
  probe.enrich(cut);
  const int d = distance(*a.simhash, *cut.simhash);
  ASSERT_GT(d, 0);
  ASSERT_LE(d, 15);
  for (const int max_distance : {d - 1, d}) {
    DedupEnricher e(init_of(descriptor(), {{"max_distance", max_distance}}));
    sdk::Article first = seed_with_id("full"), second = edited_seed("cut");
    second.body.pop_back();
    e.enrich(first);
    e.enrich(second);
    EXPECT_EQ(duplicate_of(second), max_distance == d ? "full" : "") << max_distance;
  }
}

TEST(Dedup, TheSameArticleReadAgainIsNoDuplicateOfItself) {
  DedupEnricher e(init_of(descriptor()));
  sdk::Article a = seed_with_id("same"), again = seed_with_id("same");
  e.enrich(a);
  e.enrich(again);
  EXPECT_EQ(duplicate_of(again), "");
}

TEST(Dedup, MaxDistanceZeroMeansIdenticalHashesOnly) {
  DedupEnricher e(init_of(descriptor(), {{"max_distance", 0}}));
  sdk::Article a = seed_with_id("a"), b = edited_seed("b"), c = seed_with_id("c");
  e.enrich(a);
  e.enrich(b);
  e.enrich(c);
  EXPECT_EQ(duplicate_of(b), "");
  EXPECT_EQ(duplicate_of(c), "a");
}

TEST(Dedup, EarlierRunsAreRememberedInTheStateStore) {
  MemoryState state;
  {
    DedupEnricher run1(init_of(descriptor(), {}, &state));
    sdk::Article a = seed_with_id("yesterday");
    run1.enrich(a);
  }
  DedupEnricher run2(init_of(descriptor(), {}, &state));  // a new process, the same state database
  sdk::Article b = edited_seed("today");
  state.gets = 0;
  run2.enrich(b);
  EXPECT_EQ(duplicate_of(b), "yesterday");
  EXPECT_EQ(state.gets.load(), 7u);  // one bucket per band (max_distance 6: 7 bands), no scan
  EXPECT_EQ(state.values().count("band/0/" +
                                 [&] {
                                   char buf[8];
                                   std::snprintf(
                                       buf, sizeof buf, "%x",
                                       static_cast<unsigned>(*b.simhash & 0x1FF));  // 64 / 7 = 9 bits
                                   return std::string(buf);
                                 }()),
            1u);
}

TEST(Dedup, ShortArticlesAreNotMarked) {
  DedupEnricher e(init_of(descriptor()));
  sdk::Article a = text_stats::testing::article_of({"Short breaking news item."}, "", "a");
  sdk::Article b = text_stats::testing::article_of({"Short breaking news item."}, "", "b");
  e.enrich(a);
  e.enrich(b);
  EXPECT_TRUE(b.simhash);
  EXPECT_EQ(duplicate_of(b), "");
  sdk::Article empty;
  e.enrich(empty);
  EXPECT_FALSE(empty.simhash);
}

TEST(Dedup, BucketsKeepTheirMostRecentArticles) {
  MemoryState state;
  DedupEnricher e(init_of(descriptor(), {{"bucket_limit", 2}}, &state));
  for (const char* id : {"one", "two", "three"}) {
    sdk::Article a = seed_with_id(id);
    e.enrich(a);
  }
  for (const auto& [key, value] : state.values()) {
    EXPECT_EQ(std::count(value.begin(), value.end(), '\n'), 2) << key;
    EXPECT_EQ(value.find(" one\n"), std::string::npos) << key;
  }
}

// Buckets are updated as stored text: lines from earlier runs stay as they
// were, a damaged line is dropped, and a last line without its newline
// still counts.
TEST(Dedup, StoredBucketsAreExtendedLineByLine) {
  MemoryState state;
  sdk::Article first = seed_with_id("first");
  {
    DedupEnricher run1(init_of(descriptor(), {}, &state));
    run1.enrich(first);
  }
  std::string damaged_key;
  for (const auto& [key, value] : state.values()) {
    ASSERT_EQ(value, [&] {
      char line[64];
      std::snprintf(line, sizeof line, "%llx first\n", static_cast<unsigned long long>(*first.simhash));
      return std::string(line);
    }()) << key;
    damaged_key = key;
  }
  // Damage one bucket: a line that is no "<hex> <id>", and no final newline.
  std::string value = *state.get(damaged_key);
  value.pop_back();
  state.put(damaged_key, "not a line\n" + value);

  DedupEnricher run2(init_of(descriptor(), {}, &state));
  sdk::Article second = seed_with_id("second");  // the same text: the same buckets
  run2.enrich(second);
  EXPECT_EQ(duplicate_of(second), "first");
  const std::string repaired = *state.get(damaged_key);
  EXPECT_EQ(repaired.find("not a line"), std::string::npos);
  EXPECT_EQ(repaired.find(" first\n"), repaired.find(' '));
  EXPECT_NE(repaired.find(" second\n"), std::string::npos);
  EXPECT_EQ(std::count(repaired.begin(), repaired.end(), '\n'), 2);
}

TEST(Dedup, ConcurrentCopiesLeaveExactlyOneOriginal) {
  DedupEnricher e(init_of(descriptor()));
  std::atomic<int> originals = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        sdk::Article a = seed_with_id("copy-" + std::to_string(t) + "-" + std::to_string(i));
        e.enrich(a);
        if (duplicate_of(a).empty()) ++originals;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(originals.load(), 1);
}

TEST(Dedup, RejectsBadOptions) {
  EXPECT_THROW(DedupEnricher(init_of(descriptor(), {{"max_distance", 16}})), sdk::StageError);
  EXPECT_THROW(DedupEnricher(init_of(descriptor(), {{"shingle_words", 0}})), sdk::StageError);
  EXPECT_THROW(DedupEnricher(init_of(descriptor(), {{"bucket_limit", 0}})), sdk::StageError);
}

TEST(Dedup, Descriptor) {
  EXPECT_STREQ(descriptor()->name, "dedup");
  EXPECT_TRUE(descriptor()->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::dedup
