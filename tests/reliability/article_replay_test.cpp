// An article that failed in an enricher came from a document holding
// several articles (a JSON array here, as a feed holds items). Replaying its
// dead letter re-parses that document but must deliver only the failed
// article: its siblings were delivered already, and a replay re-running the
// whole document would write them to the sink a second time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery.hpp"
#include "marker.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::Each;
using ::testing::Field;
using ::testing::IsEmpty;

constexpr long kDocuments = 4, kPerDocument = 5, kEvery = 7;

// Document d holds articles d*5 .. d*5+4, each with its marker in the body.
void write_array_documents(const Workspace& ws) {
  for (long d = 0; d < kDocuments; ++d) {
    std::string json = "[";
    for (long i = 0; i < kPerDocument; ++i) {
      const long n = d * kPerDocument + i;
      json += std::string(i ? "," : "") + "{\"id\": \"art" + std::to_string(n) + "\", \"title\": \"Article " +
              std::to_string(n) + "\", \"body\": \"First paragraph.\\n\\nIt carries " + marker(n) +
              " here.\"}";
    }
    sluice::testing::write_file(ws / ("in/doc" + std::to_string(d) + ".json"), json + "]");
  }
}

std::string pipeline(long fail_every) {
  return R"([pipeline.p]
workers = 2

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "json"

[[pipeline.p.enrich]]
plugin = "fail_every"
fail_every = )" +
         std::to_string(fail_every) + R"(

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"
)";
}

TEST(ArticleReplay, OnlyTheFailedArticleOfAMultiArticleDocumentIsDelivered) {
  Workspace ws;
  write_array_documents(ws);
  const auto all = marker_range(kDocuments * kPerDocument);
  std::set<long> failing;
  for (long n : all)
    if (n % kEvery == 0) failing.insert(n);  // 0, 7, 14: in documents 0, 1 and 2

  const auto broken = ws.config("broken.toml", pipeline(kEvery));
  const auto run = ws.sluice({"run", broken.string(), "--quiet"});
  EXPECT_EQ(run.status.code, 1) << run.err;
  const auto dead = ws.dead_letters();
  ASSERT_EQ(dead.size(), failing.size());
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::stage, "fail_every")));
  auto first = tally_jsonl(ws / "out/a.jsonl");
  std::set<long> siblings = all;
  for (long n : failing) siblings.erase(n);
  EXPECT_THAT(first.lost(siblings), IsEmpty());
  EXPECT_THAT(first.unexpected(siblings), IsEmpty());

  const auto fixed = ws.config("fixed.toml", pipeline(0));
  const auto replay = ws.sluice({"dlq", "replay", "--config", fixed.string()});
  EXPECT_EQ(replay.status.code, 0) << replay.out << replay.err;
  EXPECT_THAT(ws.dead_letters(), IsEmpty());

  const auto t = tally_jsonl(ws / "out/a.jsonl");
  EXPECT_THAT(t.lost(all), IsEmpty());
  EXPECT_THAT(t.duplicated(), IsEmpty()) << "the replay delivered the failed article's siblings again";
  EXPECT_EQ(t.records, all.size());
}

}  // namespace
}  // namespace reliability
