// Scale-out: two `sluice` hosts run the same config — kafka_source (one
// consumer group) -> seed_text -> postgres — against one mock Kafka cluster
// (6 partitions) and one real PostgreSQL. Half the 2,000 documents are on
// the topic before the hosts start; the second half arrives while they
// run. Host a is killed with SIGKILL in the middle of the second half, and
// the rest of it is produced after the kill, so part of it lands in
// partitions only host a was reading: host b must take those over once the
// group notices. Every article must end up in PostgreSQL exactly once, with
// the id the files source would give the same document.
//
// Each host names its parser stage after itself, so the stage recorded in
// an article's lineage (the JSONB column) says which host stored the row
// last: that gives the per-host figures. librdkafka's group and consumer
// debug logs go to each host's stderr; on failure the test keeps every log
// under scaleout-logs/ in its working directory and prints where.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "corpus.hpp"
#include "fixture_paths.hpp"
#include "kafka_client.hpp"
#include "mock_cluster.hpp"
#include "postgres_fixture.hpp"
#include "sluice/sdk/testing/testing.hpp"
#include "workspace.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr long kArticles = 2000;
constexpr int kPartitions = 6;
constexpr long kChunk = 50;             // the second half is produced in chunks of this many
constexpr long kChunksBeforeKill = 4;   // of the second half's 10 chunks
constexpr long kStoredBeforeKill = 20;  // articles host a stores after that before it is killed
const std::string kTopic = "news";

// A libpq connection for the checks (the sink under test uses libpqxx).
class Db {
 public:
  explicit Db(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK)
      throw std::runtime_error(std::string("psql: ") + PQerrorMessage(conn_));
  }
  ~Db() { PQfinish(conn_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // The rows of `sql` (text columns), or nothing when it failed (e.g. the
  // sink has not created the table yet).
  std::optional<std::vector<std::vector<std::string>>> query(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    std::optional<std::vector<std::vector<std::string>>> out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK) {
      out.emplace();
      for (int i = 0; i < PQntuples(r); ++i) {
        auto& row = out->emplace_back();
        for (int c = 0; c < PQnfields(r); ++c) row.emplace_back(PQgetvalue(r, i, c));
      }
    }
    PQclear(r);
    return out;
  }

  // Rows per host: the parser stage (named after its host) in each
  // article's lineage, i.e. the host that stored the row last.
  std::map<std::string, long> rows_by_host(const std::string& table) {
    std::map<std::string, long> out;
    const auto rows = query("SELECT coalesce(article->'lineage'->0->>'stage', '?'), count(*) FROM " + table +
                            " GROUP BY 1");
    if (rows)
      for (const auto& row : *rows) out[row[0]] = std::stol(row[1]);
    return out;
  }

 private:
  PGconn* conn_;
};

long count_of(const std::map<std::string, long>& by_host, const std::string& host) {
  const auto it = by_host.find(host);
  return it == by_host.end() ? 0 : it->second;
}

// The ids the seed_text parser gives article n when its document key is the
// file name: what a files source over the same corpus would produce.
std::set<std::string> expected_ids() {
  sluice::sdk::testing::StageHarness parser(reliability::builtin_plugin_dir() / "seed_text.so");
  std::set<std::string> ids;
  for (long n = 0; n < kArticles; ++n) {
    const auto r = parser.run_parser(reliability::article_text(n), reliability::article_file_name(n));
    if (r.failed() || r.articles.size() != 1)
      throw std::runtime_error("seed_text cannot parse article " + std::to_string(n));
    ids.insert(r.articles.front().id);
  }
  return ids;
}

// "pipeline scale: 1234 documents, 1234 articles delivered, ..." -> 1234 articles
long delivered_in_summary(const std::string& out) {
  const auto at = out.find(" articles delivered");
  if (at == std::string::npos) return -1;
  const auto start = out.find_last_of(' ', at - 1);
  return std::stol(out.substr(start + 1, at - start - 1));
}

std::vector<kafka_test::Message> messages(long first, long count) {
  std::vector<kafka_test::Message> out;
  for (long n = first; n < first + count; ++n)
    out.push_back({reliability::article_file_name(n), reliability::article_text(n), {}, -1, -1});
  return out;
}

// The partitions a host owns after the "assigned ..." / "revoked ..." lines
// kafka_source logged in `log` (eager: a revoke of all, then a new set;
// cooperative: increments).
std::set<int> owned_partitions(const std::string& log) {
  std::set<int> owned;
  for (std::size_t at = 0; at < log.size();) {
    auto eol = log.find('\n', at);
    if (eol == std::string::npos) eol = log.size();
    const std::string line = log.substr(at, eol - at);
    at = eol + 1;
    for (const bool assigned : {true, false}) {
      const std::string marker = assigned ? "kafka_source] assigned " : "kafka_source] revoked ";
      const auto m = line.find(marker);
      if (m == std::string::npos) continue;
      for (auto p = line.find(kTopic + "/", m); p != std::string::npos; p = line.find(kTopic + "/", p + 1)) {
        const int partition = std::stoi(line.substr(p + kTopic.size() + 1));
        if (assigned)
          owned.insert(partition);
        else
          owned.erase(partition);
      }
    }
  }
  return owned;
}

std::string describe(const std::set<int>& partitions) {
  std::string out;
  for (const int p : partitions) out += (out.empty() ? "" : ", ") + kTopic + "/" + std::to_string(p);
  return out.empty() ? "none" : out;
}

// The lines of a host's stderr that sluice wrote (librdkafka's debug lines
// start with '%'), for failure messages.
std::string sluice_lines(const std::filesystem::path& err_file) {
  const auto text = sluice::testing::read_file(err_file);
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    auto eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    if (text[at] != '%') out += text.substr(at, eol - at) + "\n";
    at = eol + 1;
  }
  return out;
}

// On a failed test: copies the workspace's logs (both hosts' stderr with
// librdkafka's debug lines, their stdout, the mock cluster's) to
// scaleout-logs/<table>/ in the working directory and says where.
class KeepLogsOnFailure {
 public:
  KeepLogsOnFailure(const reliability::Workspace& ws, std::string name) : ws_(ws), name_(std::move(name)) {}
  ~KeepLogsOnFailure() {
    if (!::testing::Test::HasFailure()) return;
    std::error_code ec;
    const auto dir = std::filesystem::current_path(ec) / "scaleout-logs" / name_;
    std::filesystem::create_directories(dir, ec);
    for (const auto& e : std::filesystem::directory_iterator(ws_.dir(), ec))
      if (e.is_regular_file())
        std::filesystem::copy_file(e.path(), dir / e.path().filename(),
                                   std::filesystem::copy_options::overwrite_existing, ec);
    std::printf(
        "[ logs     ] host_a.err, host_b.err (sluice + librdkafka cgrp/consumer debug), *.out, "
        "kafka-mock.*: %s\n",
        dir.c_str());
  }
  KeepLogsOnFailure(const KeepLogsOnFailure&) = delete;
  KeepLogsOnFailure& operator=(const KeepLogsOnFailure&) = delete;

 private:
  const reliability::Workspace& ws_;
  std::string name_;
};

TEST(ScaleOut, TwoHostsOneGroupOneKilledEveryArticleOnceInPostgres) {
  reliability::Workspace ws;
  const std::string table = "scaleout_" + std::to_string(::getpid());
  KeepLogsOnFailure keep_logs(ws, table);
  kafka_test::MockCluster cluster(ws.dir(), {{kTopic, kPartitions}});
  // The ctest fixture `postgres` (PostgresFixture.cmake); a server of our
  // own only when the binary runs by hand, without the fixture.
  std::unique_ptr<sluice::testing::PrivatePostgres> own;
  std::string url = sluice::testing::shared_postgres_url();
  if (url.empty()) {
    ASSERT_EQ(std::getenv("SLUICE_POSTGRES_ENV"), nullptr) << "the postgres fixture's env file names no URL";
    own = std::make_unique<sluice::testing::PrivatePostgres>();
    url = own->url();
  }
  std::printf("[ setup    ] PostgreSQL: %s (%s)\n", url.c_str(),
              own ? "a private server: run without the ctest fixture" : "the ctest fixture `postgres`");
  Db db(url);

  // One config for both hosts; the parser's stage name and the state file
  // differ, by variable.
  ::setenv("SLUICE_KAFKA_BROKERS", cluster.bootstrap().c_str(), 1);
  ::setenv("SLUICE_POSTGRES_URL", url.c_str(), 1);
  ::setenv("SCALEOUT_TABLE", table.c_str(), 1);
  const auto config = ws.config("scale.toml", R"(
[pipeline.scale]
workers = 2
batch_size = 16

[[pipeline.scale.source]]
plugin = "kafka_source"
brokers = "${SLUICE_KAFKA_BROKERS}"
topics = ["news"]
group = "scaleout"
# Well above the session timeout plus a rebalance: the survivor is still
# running when the group hands it the killed host's partitions.
idle_timeout = "30s"
properties = { "session.timeout.ms" = "6000", "heartbeat.interval.ms" = "500", "debug" = "cgrp,consumer" }

[[pipeline.scale.parser]]
plugin = "seed_text"
# Recorded in each article's lineage: which host stored it.
name = "${SCALEOUT_HOST}"

[[pipeline.scale.sink]]
plugin = "postgres"
connection = "${SLUICE_POSTGRES_URL}"
table = "${SCALEOUT_TABLE}"
)");
  // Separate state databases: the hosts stand for separate machines.
  std::string text = sluice::testing::read_file(config);
  text.replace(text.find("state/sluice.db"), 15, "state/${SCALEOUT_HOST}.db");
  sluice::testing::write_file(config, text);

  std::vector<kafka_test::Message> produced;
  const auto produce = [&](long first, long count) {
    auto batch = messages(first, count);
    kafka_test::produce(cluster.bootstrap(), kTopic, batch);
    produced.insert(produced.end(), batch.begin(), batch.end());
  };
  produce(0, kArticles / 2);

  const auto started = Clock::now();
  const auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
  ::setenv("SCALEOUT_HOST", "host_a", 1);
  auto a = ws.start_sluice({"run", config.string()}, "host_a");
  ::setenv("SCALEOUT_HOST", "host_b", 1);
  auto b = ws.start_sluice({"run", config.string()}, "host_b");
  const auto logs = [&] {
    return "\nhost a:\n" + sluice_lines(ws / "host_a.err") + "host b:\n" + sluice_lines(ws / "host_b.err");
  };
  const auto both_running = [&](const std::string& when) {
    ASSERT_FALSE(a->poll()) << "host a ended " << when << logs();
    ASSERT_FALSE(b->poll()) << "host b ended " << when << logs();
  };

  // Both hosts in the group, the partitions split between them, and each
  // storing articles of the first half.
  const auto deadline = Clock::now() + 5min;
  std::set<int> a_partitions, b_partitions;
  for (;;) {
    a_partitions = owned_partitions(sluice::testing::read_file(ws / "host_a.err"));
    b_partitions = owned_partitions(sluice::testing::read_file(ws / "host_b.err"));
    const auto by_host = db.rows_by_host(table);
    if (!a_partitions.empty() && !b_partitions.empty() &&
        a_partitions.size() + b_partitions.size() == kPartitions && count_of(by_host, "host_a") > 0 &&
        count_of(by_host, "host_b") > 0)
      break;
    ASSERT_NO_FATAL_FAILURE(both_running("before both stored articles"));
    ASSERT_LT(Clock::now(), deadline)
        << "in 5 min the hosts did not split the partitions (host a: " << describe(a_partitions)
        << "; host b: " << describe(b_partitions) << ") and both store articles" << logs();
    std::this_thread::sleep_for(50ms);
  }
  const double split_at = seconds();

  // The second half, chunk by chunk, until host a has stored more (of what
  // is left of the first half, or of the second); then host a dies mid-work:
  // some of its messages stored and committed, some stored but not
  // committed, some not read.
  const long a_before = count_of(db.rows_by_host(table), "host_a");
  long next = kArticles / 2;
  for (long chunk = 0; chunk < kChunksBeforeKill; ++chunk, next += kChunk) produce(next, kChunk);
  while (count_of(db.rows_by_host(table), "host_a") < a_before + kStoredBeforeKill) {
    ASSERT_NO_FATAL_FAILURE(both_running("before host a stored any of the second half"));
    ASSERT_LT(Clock::now(), deadline)
        << "host a stored no more articles after the second half began" << logs();
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_NO_FATAL_FAILURE(both_running("before host a was killed: nobody would be left to take over"));
  a_partitions = owned_partitions(sluice::testing::read_file(ws / "host_a.err"));
  a->kill(SIGKILL);
  ASSERT_EQ(a->wait().signal, SIGKILL);
  const double killed_at = seconds();
  const auto a_stored_at_kill = count_of(db.rows_by_host(table), "host_a");
  const auto b_log_at_kill = sluice::testing::read_file(ws / "host_b.err").size();

  // The rest after the kill: its share of host a's partitions can only be
  // stored by a host that took them over.
  while (next < kArticles) {
    produce(next, kChunk);
    next += kChunk;
  }
  long after_kill_in_a_partitions = 0;
  for (std::size_t i = static_cast<std::size_t>(kArticles / 2 + kChunksBeforeKill * kChunk);
       i < produced.size(); ++i)
    after_kill_in_a_partitions += a_partitions.count(produced[i].partition);
  ASSERT_GT(after_kill_in_a_partitions, 0)
      << "no message produced after the kill went to host a's partitions " << describe(a_partitions);

  // Host b notices (session timeout), takes every partition, reads what host
  // a left from the committed offsets, and ends once all stay drained.
  const auto ended = Clock::now() + 5min;
  std::optional<reliability::ExitStatus> b_status;
  while (!(b_status = b->poll())) {
    ASSERT_LT(Clock::now(), ended) << "host b did not finish within 5 min of the kill; rows per host: a "
                                   << count_of(db.rows_by_host(table), "host_a") << ", b "
                                   << count_of(db.rows_by_host(table), "host_b") << logs();
    std::this_thread::sleep_for(100ms);
  }
  const double b_ended_at = seconds();
  const auto b_out = sluice::testing::read_file(ws / "host_b.out");
  const auto b_err = sluice::testing::read_file(ws / "host_b.err");
  ASSERT_EQ(b_status->code, 0) << b_out << logs();

  // Host b took over: after the kill it was assigned each of host a's
  // partitions.
  std::set<int> b_taken;
  for (std::size_t at = b_err.find("kafka_source] assigned ", b_log_at_kill); at != std::string::npos;
       at = b_err.find("kafka_source] assigned ", at + 1)) {
    const auto line = b_err.substr(at, b_err.find('\n', at) - at);
    const auto now_owned = owned_partitions(line);
    b_taken.insert(now_owned.begin(), now_owned.end());
  }
  for (const int p : a_partitions)
    EXPECT_TRUE(b_taken.count(p)) << "host b was never assigned host a's partition " << kTopic << "/" << p
                                  << " after the kill" << logs();

  // Every article exactly once, with the expected ids.
  const auto stats = db.query("SELECT count(*), count(DISTINCT id) FROM " + table);
  ASSERT_TRUE(stats && stats->size() == 1);
  EXPECT_EQ(std::stol(stats->front()[0]), kArticles) << logs();
  EXPECT_EQ(std::stol(stats->front()[1]), kArticles);
  const auto ids = expected_ids();
  ASSERT_EQ(ids.size(), static_cast<std::size_t>(kArticles));
  std::set<std::string> stored;
  const auto id_rows = db.query("SELECT id FROM " + table);
  ASSERT_TRUE(id_rows.has_value());
  for (const auto& row : *id_rows) stored.insert(row[0]);
  std::vector<std::string> missing;
  for (const auto& id : ids)
    if (!stored.count(id)) missing.push_back(id);
  EXPECT_TRUE(missing.empty()) << missing.size() << " expected articles missing, e.g. "
                               << (missing.empty() ? "" : missing.front());
  EXPECT_EQ(stored, ids);

  // Each row was stored by one of the two hosts, and both did work.
  const auto by_host = db.rows_by_host(table);
  const long a_rows = count_of(by_host, "host_a"), b_rows = count_of(by_host, "host_b");
  EXPECT_EQ(a_rows + b_rows, kArticles) << "rows from elsewhere: " << by_host.size() << " lineage stages";
  EXPECT_GT(a_rows, 0);
  EXPECT_GT(b_rows, 0);

  // The survivor committed every partition to its end: a rerun reads nothing.
  std::map<std::int32_t, std::int64_t> end_offsets;
  for (const auto& m : produced) end_offsets[m.partition] = std::max(end_offsets[m.partition], m.offset + 1);
  EXPECT_EQ(kafka_test::committed_offsets(cluster.bootstrap(), "scaleout", kTopic), end_offsets);

  const long b_delivered = delivered_in_summary(b_out);
  std::printf(
      "[ figures  ] partitions split at %.1f s (host a: %s; host b: %s); host a killed at %.1f s; "
      "host b ended at %.1f s\n",
      split_at, describe(a_partitions).c_str(), describe(b_partitions).c_str(), killed_at, b_ended_at);
  std::printf("[ figures  ] %ld messages produced after the kill went to host a's partitions\n",
              after_kill_in_a_partitions);
  std::printf(
      "[ figures  ] host a (killed):   %ld articles stored before the kill; %ld rows are still its own, "
      "%ld were stored again by host b (read from offsets host a had not committed)\n",
      a_stored_at_kill, a_rows, a_stored_at_kill - a_rows);
  std::printf(
      "[ figures  ] host b (survivor): %ld rows are its own; its run summary: %ld articles delivered\n",
      b_rows, b_delivered);
  std::printf("[ figures  ] table %s: %s rows, %zu distinct ids, %zu of %ld expected ids present\n",
              table.c_str(), stats->front()[0].c_str(), stored.size(), ids.size() - missing.size(),
              kArticles);
  db.query("DROP TABLE " + table);
}

}  // namespace
