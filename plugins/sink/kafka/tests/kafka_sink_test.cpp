// kafka_sink against a real librdkafka mock cluster running in its own
// process: what it produces is read back with a plain librdkafka consumer
// (keys = article ids, values = the canonical JSON, parsed independently),
// in-process through the SDK's StageHarness and through the real `sluice`.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <map>

#include "corpus.hpp"
#include "kafka_client.hpp"
#include "mock_cluster.hpp"
#include "sluice/sdk/json.hpp"
#include "sluice/sdk/testing/testing.hpp"
#include "test_support.hpp"
#include "workspace.hpp"

namespace sluice::plugins::kafka_sink {
const sluice_plugin_descriptor* descriptor();
}

namespace {

using kafka_test::MockCluster;
using sluice::sdk::Map;
using sluice::sdk::testing::make_article;
using sluice::sdk::testing::StageHarness;

constexpr const char* kTopic = "articles";

StageHarness sink(const std::string& brokers, Map extra = {}) {
  Map options{{"brokers", brokers}, {"topic", kTopic}};
  for (auto& [k, v] : extra) options[k] = v;
  return StageHarness(sluice::plugins::kafka_sink::descriptor(), {.options = options});
}

class KafkaSink : public ::testing::Test {
 protected:
  reliability::Workspace ws_;
  MockCluster cluster_{ws_.dir(), {{kTopic, 4}}};
};

TEST_F(KafkaSink, ProducesTheCanonicalJsonKeyedByArticleId) {
  std::vector<sluice::sdk::Article> batch{make_article("One", {"First paragraph."}, "one.txt"),
                                          make_article("Two", {"Zwei \"quoted\"", "ünïcode"}, "two.txt"),
                                          make_article("Three", {}, "three.txt")};
  batch[2].fields["score"] = 0.5;
  auto h = sink(cluster_.bootstrap());
  ASSERT_FALSE(h.run_sink(batch).failed());
  ASSERT_FALSE(h.close_sink().failed());

  const auto messages = kafka_test::consume_all(cluster_.bootstrap(), kTopic);
  ASSERT_EQ(messages.size(), batch.size());
  std::map<std::string, kafka_test::Message> by_key;
  for (const auto& m : messages) by_key[m.key] = m;
  for (const auto& a : batch) {
    ASSERT_TRUE(by_key.count(a.id)) << "no message keyed " << a.id;
    const auto& m = by_key[a.id];
    EXPECT_EQ(m.value, sluice::sdk::json::to_json(a)) << "the same shape as the jsonl sink writes";
    const auto object = Poco::JSON::Parser().parse(m.value).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(object->getValue<std::string>("id"), a.id);
    EXPECT_EQ(object->getValue<std::string>("title"), a.title);
    EXPECT_EQ(object->getArray("body")->size(), a.body.size());
    EXPECT_EQ(m.headers.at("content-type"), "application/json");
  }
}

TEST_F(KafkaSink, APipelineRunProducesWhatTheJsonlSinkWrites) {
  reliability::write_corpus(ws_ / "in", 60);
  const auto config =
      ws_.config("sink.toml",
                 "[pipeline.out]\nworkers = 2\nbatch_size = 16\n"
                 "\n[[pipeline.out.source]]\nplugin = \"files\"\npath = \"in\"\n"
                 "\n[[pipeline.out.parser]]\nplugin = \"seed_text\"\n"
                 "\n[[pipeline.out.sink]]\nplugin = \"kafka_sink\"\nbrokers = \"" +
                     cluster_.bootstrap() +
                     "\"\ntopic = \"articles\"\n"
                     "\n[[pipeline.out.sink]]\nplugin = \"jsonl\"\npath = \"out/articles.jsonl\"\n");
  const auto run = ws_.sluice({"run", config.string()});
  ASSERT_EQ(run.status.code, 0) << run.out << run.err;

  std::map<std::string, std::string> jsonl;  // id -> line
  for (const auto& line : sluice::testing::read_lines(ws_ / "out/articles.jsonl")) {
    const auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    jsonl[object->getValue<std::string>("id")] = line;
  }
  ASSERT_EQ(jsonl.size(), 60u);
  const auto messages = kafka_test::consume_all(cluster_.bootstrap(), kTopic);
  EXPECT_EQ(messages.size(), 60u);
  for (const auto& m : messages) {
    ASSERT_TRUE(jsonl.count(m.key)) << "message keyed " << m.key << " is no article of the run";
    EXPECT_EQ(m.value, jsonl[m.key]);
  }
}

TEST(KafkaSinkOffline, AFailedDeliveryIsAnErrorNamingTopicAndArticle) {
  // Nothing listens on port 1: no delivery report can succeed.
  auto h = sink("127.0.0.1:1", {{"flush_timeout", "1s"}});
  const std::vector<sluice::sdk::Article> batch{make_article("Lost", {"Never stored."}, "lost.txt")};
  const auto r = h.run_sink(batch);
  ASSERT_TRUE(r.failed()) << "write() returned although no broker acknowledged the message";
  EXPECT_NE(r.failure.find("topic articles"), std::string::npos) << r.failure;
  EXPECT_NE(r.failure.find(batch[0].id), std::string::npos) << r.failure;
  // The stage is still usable: a later batch fails the same way, no crash.
  EXPECT_TRUE(h.run_sink(batch).failed());
}

TEST(KafkaSinkOptions, RefusesPropertiesThatWouldBreakItsGuarantees) {
  for (const auto* owned : {"enable.idempotence", "acks", "bootstrap.servers"}) {
    try {
      sink("127.0.0.1:1", {{"properties", Map{{owned, "1"}}}});
      ADD_FAILURE() << owned << " was accepted";
    } catch (const std::exception& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("'") + owned + "' is set by the plugin"),
                std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
