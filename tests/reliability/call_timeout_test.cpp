// A stage call that never returns: with call_timeout the run is ended
// around it within the limit (plus the watchdog's tick), reported with the
// stage, the limit and the item, exit status 1 - not a hang. Nothing of
// the unfinished work is acknowledged, so a rerun delivers everything once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "corpus.hpp"
#include "delivery.hpp"
#include "marker.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string pipeline(const std::string& hang_for) {
  return R"([pipeline.p]
workers = 2
batch_size = 10

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "hang_enricher"
hang_marker = 50
hang_for = ")" +
         hang_for + R"("
call_timeout = "300ms"

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)";
}

TEST(CallTimeout, EndsTheRunNamingStageLimitAndItem) {
  Workspace ws;
  constexpr long kArticles = 100;
  write_corpus(ws / "in", kArticles);
  const auto stuck = ws.config("stuck.toml", pipeline("60s"));

  const auto started = std::chrono::steady_clock::now();
  const auto run = ws.sluice({"run", stuck.string()});
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(run.status.code, 1) << run.status.str();
  EXPECT_LT(took, std::chrono::seconds(10)) << "ended around the hung call, did not wait 60 s";
  EXPECT_THAT(run.err, HasSubstr("stage 'hang_enricher' exceeded its time limit of 300 ms on "));
  EXPECT_THAT(ws.sluice({"history", "--config", stuck.string()}).out, HasSubstr("failed"));

  const auto fixed = ws.config("fixed.toml", pipeline("0ms"));
  const auto rerun = ws.sluice({"run", fixed.string()});
  ASSERT_EQ(rerun.status.code, 0) << rerun.err;
  const auto all = marker_range(kArticles);
  for (const auto& [sink, t] : {std::pair{"jsonl", tally_jsonl(ws / "out/a.jsonl")},
                                std::pair{"sqlite", tally_sqlite(ws / "out/a.db")}}) {
    EXPECT_THAT(t.lost(all), IsEmpty()) << sink;
    EXPECT_THAT(t.duplicated(), IsEmpty()) << sink;
    EXPECT_EQ(t.records, all.size()) << sink;
  }
  EXPECT_THAT(ws.dead_letters(), IsEmpty());

  // The item named is the article that hung: marker 50's id.
  const auto lines = sluice::testing::read_lines(ws / "out/a.jsonl");
  const auto hung = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find(marker(50)) != std::string::npos;
  });
  ASSERT_NE(hung, lines.end());
  const auto id = hung->substr(7, 32);  // {"id":"<32 hex>"
  EXPECT_THAT(run.err, HasSubstr("time limit of 300 ms on " + id));
}

}  // namespace
}  // namespace reliability
