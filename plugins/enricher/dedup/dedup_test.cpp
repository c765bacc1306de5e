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
  run2.enrich(b);
  EXPECT_EQ(duplicate_of(b), "yesterday");
  // Band 0 is the low 9 bits (64 / 7); its bucket of "today" has a first slot
  // (today's own, or yesterday's when the two share that band).
  const SeenIndex index(nullptr, 6, 256);
  EXPECT_EQ(index.slot_key(0, 0x1234, 3), "slot/0/34/3");
  EXPECT_EQ(state.values().count(index.slot_key(0, *b.simhash, 0)), 1u);
}

// The per-article write is one small slot per band, however full the
// buckets are: no bucket is read or written as a whole.
TEST(Dedup, RememberingAnArticleWritesOneSmallSlotPerBand) {
  MemoryState state;
  DedupEnricher e(init_of(descriptor(), {}, &state));
  for (int i = 0; i < 300; ++i) {  // more than bucket_limit (256) copies: every bucket is full
    sdk::Article a = seed_with_id("copy-" + std::to_string(i));
    e.enrich(a);
  }
  const auto before = state.values();
  state.puts = 0;
  state.gets = 0;
  sdk::Article next = seed_with_id("next");
  e.enrich(next);
  EXPECT_EQ(duplicate_of(next), "copy-44");  // the oldest still remembered (300 - 256), at distance 0
  EXPECT_EQ(state.puts.load(), 7u);          // one slot per band
  EXPECT_LE(state.gets.load(), 1u);          // the matched article's id, nothing else: buckets are cached
  std::size_t changed = 0;
  for (const auto& [key, value] : state.values()) {
    auto old = before.find(key);
    if (old != before.end() && old->second == value) continue;
    ++changed;
    EXPECT_LT(value.size(), 48u) << key;  // "<sequence> <simhash hex> next"
    EXPECT_NE(value.find(" next"), std::string::npos) << key;
  }
  EXPECT_EQ(changed, 7u);
  EXPECT_EQ(state.values().size(), 7u * 256u);  // 7 full rings, nothing else
}

// A full ring continues after a restart where it left off: the oldest slot
// is overwritten next, and ties still go to the article seen first.
TEST(Dedup, RingsResumeAtTheirOldestSlotInTheNextRun) {
  MemoryState state;
  {
    DedupEnricher run1(init_of(descriptor(), {{"bucket_limit", 3}}, &state));
    for (const char* id : {"a1", "a2", "a3", "a4", "a5"}) {  // slots: a4, a5, a3
      sdk::Article a = seed_with_id(id);
      run1.enrich(a);
    }
  }
  DedupEnricher run2(init_of(descriptor(), {{"bucket_limit", 3}}, &state));
  sdk::Article a6 = seed_with_id("a6");
  run2.enrich(a6);
  EXPECT_EQ(duplicate_of(a6), "a3");
  const SeenIndex index(nullptr, 6, 3);
  EXPECT_NE(state.values()[index.slot_key(0, *a6.simhash, 2)].find(" a6"), std::string::npos);
  EXPECT_NE(state.values()[index.slot_key(0, *a6.simhash, 0)].find(" a4"), std::string::npos);
  sdk::Article a7 = seed_with_id("a7");
  run2.enrich(a7);
  EXPECT_EQ(duplicate_of(a7), "a4");
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
  EXPECT_EQ(state.values().size(), 7u * 2u);  // two slots per band
  for (const auto& [key, value] : state.values()) EXPECT_EQ(value.find(" one"), std::string::npos) << key;
}

// State from before slots (one key per bucket, lines "<simhash hex> <id>")
// is read once and moved into slots: a damaged line is dropped, and a last
// line without its newline still counts.
TEST(Dedup, BucketsInTheEarlierFormatMoveIntoSlots) {
  MemoryState state;
  sdk::Article first = seed_with_id("first");
  DedupEnricher probe(init_of(descriptor()));
  probe.enrich(first);
  const SeenIndex index(nullptr, 6, 256);
  for (int band = 0; band < 7; ++band) {
    std::string slot = index.slot_key(band, *first.simhash, 0);  // "slot/<band>/<hex>/0"
    const std::string legacy = "band" + slot.substr(4, slot.rfind('/') - 4);
    char line[64];
    std::snprintf(line, sizeof line, "%llx first", static_cast<unsigned long long>(*first.simhash));
    state.put(legacy, "not a line\n" + std::string(line));
  }

  DedupEnricher e(init_of(descriptor(), {}, &state));
  sdk::Article second = seed_with_id("second");  // the same text: the same buckets
  e.enrich(second);
  EXPECT_EQ(duplicate_of(second), "first");
  EXPECT_EQ(state.values().size(), 7u * 2u);  // the old keys are gone; "first" and "second" in slots
  for (const auto& [key, value] : state.values()) {
    EXPECT_EQ(key.rfind("slot/", 0), 0u) << key;
    EXPECT_TRUE(value.find(" first") != std::string::npos || value.find(" second") != std::string::npos);
  }
}

// A damaged slot ends its bucket: the next article is written over it.
TEST(Dedup, ADamagedSlotIsOverwritten) {
  MemoryState state;
  sdk::Article first = seed_with_id("first");
  {
    DedupEnricher run1(init_of(descriptor(), {}, &state));
    run1.enrich(first);
  }
  const SeenIndex index(nullptr, 6, 256);
  const std::string damaged = index.slot_key(3, *first.simhash, 0);
  state.put(damaged, "garbage");
  DedupEnricher run2(init_of(descriptor(), {}, &state));
  sdk::Article second = seed_with_id("second");
  run2.enrich(second);
  EXPECT_EQ(duplicate_of(second), "first");  // the other six bands still hold it
  EXPECT_NE(state.values()[damaged].find(" second"), std::string::npos);
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
