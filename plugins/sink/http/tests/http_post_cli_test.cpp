// The `http_post` sink end to end: the real `sluice run` (files source,
// seed_text parser) delivering to a real webhook on 127.0.0.1, with the
// host's retry and dead-letter handling.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <set>

#include "http_test_server.hpp"
#include "test_support.hpp"

namespace sluice::testing {
namespace {

class HttpPostCli : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 1; i <= 3; ++i)
      write_file(dir_ / "in" / ("story" + std::to_string(i) + ".txt"),
                 "date 2023-10-0" + std::to_string(i) +
                     " Boats in the harbour - Photo desk\n\n"
                     "Story number " +
                     std::to_string(i) + " begins here.\n\nIt ends here.\n");
  }

  void write_config(const std::string& pipeline_extra = "") {
    write_file(dir_ / "hook.toml",
               "[host]\nplugin_dirs = [\"" SLUICE_PLUGIN_DIR
               "\"]\nstate = \"var/state.db\"\n\n"
               "[pipeline.hook]\nschedule = \"once\"\nworkers = 1\n" +
                   pipeline_extra +
                   "\n[[pipeline.hook.source]]\nplugin = \"files\"\npath = \"in\"\ninclude = [\"*.txt\"]\n\n"
                   "[[pipeline.hook.parser]]\nplugin = \"seed_text\"\n\n"
                   "[[pipeline.hook.sink]]\nplugin = \"http_post\"\nurl = \"" +
                   server_.url("/hook") +
                   "\"\nheaders = { Authorization = \"Bearer ${HOOK_TOKEN}\" }\nretry_backoff = \"50ms\"\n");
  }
  CommandResult run(const std::string& args = "run hook.toml") {
    return run_command("HOOK_TOKEN=t0ps3cret " + sluice_command(args), dir_.path());
  }

  // Every article id the webhook received, over all requests.
  std::multiset<std::string> received_ids() {
    std::multiset<std::string> ids;
    for (const auto& r : server_.requests("/hook")) {
      const auto array = Poco::JSON::Parser().parse(r.body).extract<Poco::JSON::Array::Ptr>();
      for (unsigned i = 0; i < array->size(); ++i)
        ids.insert(array->getObject(i)->getValue<std::string>("id"));
    }
    return ids;
  }

  HttpTestServer server_;
  TempDir dir_;
};

TEST_F(HttpPostCli, BatchesArriveAsParsedJsonWithTheTokenFromTheEnvironment) {
  server_.on("/hook", HttpReply::status_only(204));
  write_config();
  const auto r = run();
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("pipeline hook: 3 documents, 3 articles delivered, 0 failed"), std::string::npos)
      << r.out;
  const auto got = server_.requests("/hook");
  ASSERT_GE(got.size(), 1u);
  for (const auto& req : got) {
    EXPECT_EQ(req.header("Authorization"), "Bearer t0ps3cret");
    EXPECT_EQ(req.header("Content-Type"), "application/json");
  }
  const auto ids = received_ids();
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 3u);
  const auto first = Poco::JSON::Parser().parse(got[0].body).extract<Poco::JSON::Array::Ptr>()->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("published"), "2023-10-01");
  EXPECT_EQ(first->getArray("body")->getElement<std::string>(0), "Story number 1 begins here.");
}

TEST_F(HttpPostCli, UnavailableThenOkIsDeliveredOnceAfterARetry) {
  server_.on_sequence("/hook",
                      {HttpReply::text("down for a moment", "text/plain", 503), HttpReply::status_only(200)});
  // One batch for all three articles, so "once" is easy to see.
  write_config("batch_size = 10\nbatch_timeout = \"2s\"\n");

  const auto r = run();
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 articles delivered, 0 failed"), std::string::npos) << r.out;
  const auto got = server_.requests("/hook");
  ASSERT_EQ(got.size(), 2u) << "one refused attempt, one accepted";
  EXPECT_EQ(got[0].body, got[1].body);
  EXPECT_EQ(got[0].header("Idempotency-Key"), got[1].header("Idempotency-Key"));
  // Accepted once: the second (successful) request holds every article once.
  const auto accepted = Poco::JSON::Parser().parse(got[1].body).extract<Poco::JSON::Array::Ptr>();
  EXPECT_EQ(accepted->size(), 3u);

  const auto dlq = run("dlq list --config hook.toml");
  EXPECT_NE(dlq.out.find("0 dead letters"), std::string::npos) << dlq.out;
  // A rerun delivers nothing again (the files source remembers them).
  const auto again = run();
  EXPECT_NE(again.out.find("0 documents, 0 articles delivered"), std::string::npos) << again.out;
  EXPECT_EQ(server_.requests("/hook").size(), 2u);
}

TEST_F(HttpPostCli, BadRequestIsDeadLetteredWithoutRetries) {
  server_.on("/hook", HttpReply::text("{\"error\":\"schema mismatch\"}", "application/json", 400));
  write_config();
  const auto r = run();
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("HTTP 400 Bad Request"), std::string::npos) << r.out;
  const std::size_t requests = server_.requests("/hook").size();
  EXPECT_GE(requests, 1u);
  EXPECT_LE(requests, 3u) << "one request per batch, none repeated";
  EXPECT_EQ(received_ids().size(), 3u) << "each article was sent once";

  const auto dlq = run("dlq list --config hook.toml");
  ASSERT_EQ(dlq.status, 0) << dlq.err;
  EXPECT_NE(dlq.out.find("3 dead letters"), std::string::npos) << dlq.out;
  EXPECT_NE(dlq.out.find("http_post"), std::string::npos) << dlq.out;
  EXPECT_NE(dlq.out.find("POST " + server_.url("/hook")), std::string::npos) << dlq.out;
}

}  // namespace
}  // namespace sluice::testing
