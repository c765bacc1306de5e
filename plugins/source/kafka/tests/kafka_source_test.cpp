// kafka_source against a real librdkafka mock cluster running in its own
// process (tests/scaleout/kafka_mock_cluster.cpp): in-process through the
// SDK's StageHarness, and end to end through the real `sluice` CLI,
// including a SIGKILL in the middle of a run.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <numeric>
#include <thread>

#include "corpus.hpp"
#include "delivery.hpp"
#include "kafka_client.hpp"
#include "mock_cluster.hpp"
#include "sluice/sdk/testing/testing.hpp"
#include "workspace.hpp"

namespace sluice::plugins::kafka_source {
const sluice_plugin_descriptor* descriptor();
}

namespace {

using Clock = std::chrono::steady_clock;
using kafka_test::MockCluster;
using sluice::sdk::Map;
using sluice::sdk::testing::StageHarness;

constexpr const char* kTopic = "news";

// Generated seed-format articles n in [first, first+count), keyed by the
// file name the files source would give them.
std::vector<kafka_test::Message> corpus_messages(long count, long first = 0) {
  std::vector<kafka_test::Message> out;
  for (long n = first; n < first + count; ++n)
    out.push_back({reliability::article_file_name(n), reliability::article_text(n), {}, -1, -1});
  return out;
}

std::int64_t total(const std::map<std::int32_t, std::int64_t>& offsets) {
  std::int64_t sum = 0;
  for (const auto& [p, o] : offsets) sum += o < 0 ? 0 : o;
  return sum;
}

std::string pipeline(const std::string& bootstrap, int batch_size = 16) {
  return "[pipeline.k]\nworkers = 2\nbatch_size = " + std::to_string(batch_size) +
         "\n\n[[pipeline.k.source]]\nplugin = \"kafka_source\"\nbrokers = \"" + bootstrap +
         "\"\ntopics = [\"news\"]\ngroup = \"sluice-test\"\nidle_timeout = \"3s\"\n"
         "properties = { \"session.timeout.ms\" = 6000, \"heartbeat.interval.ms\" = 500 }\n"
         "\n[[pipeline.k.parser]]\nplugin = \"seed_text\"\n"
         // An upserting sink: `sluice validate` refuses jsonl beside a source whose
         // offsets are committed outside the state database.
         "\n[[pipeline.k.sink]]\nplugin = \"sqlite\"\npath = \"out/articles.db\"\n";
}

StageHarness source(const std::string& bootstrap, Map extra = {}) {
  Map options{{"brokers", bootstrap},
              {"topics", sluice::sdk::List{kTopic}},
              {"group", "harness"},
              {"idle_timeout", "3s"},
              // The group forms again within the session timeout after the
              // previous member left; librdkafka's default would be 45 s.
              {"properties", Map{{"session.timeout.ms", "6000"}, {"heartbeat.interval.ms", "500"}}}};
  for (auto& [k, v] : extra) options[k] = v;
  return StageHarness(sluice::plugins::kafka_source::descriptor(), {.options = options});
}

class KafkaSource : public ::testing::Test {
 protected:
  reliability::Workspace ws_;
  MockCluster cluster_{ws_.dir(), {{kTopic, 3}}};
};

TEST_F(KafkaSource, DeliversEachMessageWithItsPositionKeyAndContentType) {
  std::vector<kafka_test::Message> messages{{"a.txt", "first", {{"Content-Type", "text/plain"}}, -1, -1},
                                            {"", "keyless", {}, -1, -1}};
  kafka_test::produce(cluster_.bootstrap(), kTopic, messages);

  auto h = source(cluster_.bootstrap(), {{"content_type", "text/x-fallback"}});
  const auto r = h.run_source();
  ASSERT_FALSE(r.failed()) << r.failure;
  ASSERT_EQ(r.documents.size(), 2u);
  for (const auto& m : messages) {
    const auto& d = *std::find_if(r.documents.begin(), r.documents.end(),
                                  [&](const auto& doc) { return doc.bytes == m.value; });
    const auto position =
        std::string(kTopic) + "/" + std::to_string(m.partition) + "/" + std::to_string(m.offset);
    EXPECT_EQ(d.uri, "kafka://" + position);
    EXPECT_EQ(d.key, m.key.empty() ? position : m.key);
    EXPECT_EQ(d.content_type, m.key.empty() ? "text/x-fallback" : "text/plain");
    EXPECT_EQ(d.meta.find("partition")->as_int(), m.partition);
    EXPECT_EQ(d.meta.find("offset")->as_int(), m.offset);
  }
}

TEST_F(KafkaSource, CommitsOnlyWhatWasAcknowledged) {
  auto messages = corpus_messages(30);
  kafka_test::produce(cluster_.bootstrap(), kTopic, messages);
  {
    auto h = source(cluster_.bootstrap());
    const auto r = h.run_source();
    ASSERT_FALSE(r.failed()) << r.failure;
    ASSERT_EQ(r.documents.size(), 30u);
    // The host acknowledges in delivery order; stop at the 10th document.
    ASSERT_FALSE(h.acknowledge(r.documents[9].cursor).failed());
  }  // destroyed: the end of the run commits the last acknowledgement
  EXPECT_EQ(total(kafka_test::committed_offsets(cluster_.bootstrap(), "harness", kTopic)), 10);

  auto again = source(cluster_.bootstrap());
  const auto r = again.run_source();
  ASSERT_FALSE(r.failed()) << r.failure;
  EXPECT_EQ(r.documents.size(), 20u) << "the 20 unacknowledged messages come again, and only those";
}

// With stop_at_end = false an idle topic keeps next() waiting for the next
// message; a stop's interrupt() ends that wait within a poll.
TEST_F(KafkaSource, InterruptEndsANextWaitingOnAnIdleTopic) {
  auto messages = corpus_messages(2);
  kafka_test::produce(cluster_.bootstrap(), kTopic, messages);
  auto h = source(cluster_.bootstrap(), {{"stop_at_end", false}});
  auto& src = dynamic_cast<sluice::sdk::Source&>(h.stage());
  std::atomic<int> read{0};
  std::atomic<bool> returned{false};
  std::thread reader([&] {
    sluice::sdk::RawDocument d;
    while (src.next(d)) ++read;
    returned = true;
  });
  // Both messages arrive, then the topic is idle and next() waits on.
  const auto until = Clock::now() + std::chrono::seconds(30);
  while (read < 2 && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(read.load(), 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(returned.load());
  const auto asked = Clock::now();
  src.interrupt();
  reader.join();
  EXPECT_LT(Clock::now() - asked, std::chrono::seconds(2));
}

TEST_F(KafkaSource, RefusesPropertiesThatWouldBreakItsGuarantees) {
  try {
    source(cluster_.bootstrap(), {{"properties", Map{{"enable.auto.commit", "true"}}}});
    FAIL() << "enable.auto.commit was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("'enable.auto.commit' is set by the plugin"), std::string::npos)
        << e.what();
  }
  try {
    source(cluster_.bootstrap(), {{"properties", Map{{"no.such.property", "1"}}}});
    FAIL() << "an unknown librdkafka property was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("'no.such.property'"), std::string::npos) << e.what();
  }
}

TEST_F(KafkaSource, RunDeliversEveryMessageOnceAndARerunNothingNew) {
  constexpr long kCount = 300;
  auto messages = corpus_messages(kCount);
  kafka_test::produce(cluster_.bootstrap(), kTopic, messages);
  const auto config = ws_.config("kafka.toml", pipeline(cluster_.bootstrap()));

  const auto first = ws_.sluice({"run", config.string()});
  ASSERT_EQ(first.status.code, 0) << first.out << first.err;
  const auto tally = reliability::tally_sqlite(ws_ / "out/articles.db");
  const auto expected = reliability::marker_range(kCount);
  EXPECT_EQ(tally.records, static_cast<std::size_t>(kCount));
  EXPECT_TRUE(tally.lost(expected).empty()) << reliability::summarize(tally.lost(expected));
  EXPECT_TRUE(tally.duplicated().empty()) << reliability::summarize(tally.duplicated());
  EXPECT_EQ(total(kafka_test::committed_offsets(cluster_.bootstrap(), "sluice-test", kTopic)), kCount);

  const auto second = ws_.sluice({"run", config.string()});
  ASSERT_EQ(second.status.code, 0) << second.out << second.err;
  EXPECT_EQ(reliability::tally_sqlite(ws_ / "out/articles.db").records, static_cast<std::size_t>(kCount));
  EXPECT_NE(second.out.find(": 0 documents, 0 articles delivered"), std::string::npos)
      << "the rerun delivered messages again: offsets were not committed\n"
      << second.out;
}

TEST_F(KafkaSource, KilledMidRunThenRerunLosesNothing) {
  constexpr long kCount = 2000;
  auto messages = corpus_messages(kCount);
  kafka_test::produce(cluster_.bootstrap(), kTopic, messages);
  const auto config = ws_.config("kafka.toml", pipeline(cluster_.bootstrap(), 8));

  {
    auto run = ws_.start_sluice({"run", config.string()}, "killed");
    const auto deadline = Clock::now() + std::chrono::minutes(3);
    // The running sink may hold the database locked: poll again then.
    const auto rows_so_far = [&]() -> std::size_t {
      try {
        return reliability::tally_sqlite(ws_ / "out/articles.db").records;
      } catch (const std::exception&) {
        return 0;
      }
    };
    while (rows_so_far() < 200) {
      ASSERT_FALSE(run->poll()) << "the run ended before it could be killed";
      ASSERT_LT(Clock::now(), deadline) << "no progress within 3 minutes";
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    run->kill(SIGKILL);
    EXPECT_EQ(run->wait().signal, SIGKILL);
  }
  const auto committed = total(kafka_test::committed_offsets(cluster_.bootstrap(), "sluice-test", kTopic));
  EXPECT_LT(committed, kCount) << "the kill came after the end";

  const auto rerun = ws_.sluice({"run", config.string()});
  ASSERT_EQ(rerun.status.code, 0) << rerun.out << rerun.err;
  const auto tally = reliability::tally_sqlite(ws_ / "out/articles.db");
  const auto expected = reliability::marker_range(kCount);
  EXPECT_TRUE(tally.lost(expected).empty())
      << "lost: " << reliability::summarize(tally.lost(expected)) << "\nthe rerun said:\n"
      << rerun.out << rerun.err;
  EXPECT_TRUE(tally.unexpected(expected).empty());
  EXPECT_EQ(tally.malformed, 0u);
  EXPECT_EQ(total(kafka_test::committed_offsets(cluster_.bootstrap(), "sluice-test", kTopic)), kCount);
  EXPECT_EQ(tally.records, static_cast<std::size_t>(kCount)) << "the upsert keeps one row per article";
}

}  // namespace
