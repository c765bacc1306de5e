// An enricher that throws on a fixed 1% of articles (fail_every = 100):
// exactly those go to the dead-letter store, the rest are delivered, the
// summary and exit status say how many, and after the config is fixed
// `sluice dlq replay` delivers them exactly once and empties the store.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "corpus.hpp"
#include "delivery.hpp"
#include "marker.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::Each;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

constexpr long kArticles = 1000;
constexpr long kEvery = 100;

std::string pipeline(long fail_every) {
  return R"([pipeline.p]
workers = 2
batch_size = 50

[[pipeline.p.source]]
plugin = "files"
path = "in"

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "fail_every"
fail_every = )" +
         std::to_string(fail_every) + R"(

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out/a.jsonl"

[[pipeline.p.sink]]
plugin = "sqlite"
path = "out/a.db"
)";
}

std::set<long> multiples(long every) {
  std::set<long> out;
  for (long n = 0; n < kArticles; n += every) out.insert(n);
  return out;
}

std::set<long> all_but_multiples(long every) {
  auto out = marker_range(kArticles);
  for (long n : multiples(every)) out.erase(n);
  return out;
}

void expect_exactly(const Tally& t, const std::set<long>& expected, const char* sink) {
  EXPECT_THAT(t.lost(expected), IsEmpty()) << sink;
  EXPECT_THAT(t.unexpected(expected), IsEmpty()) << sink;
  EXPECT_THAT(t.duplicated(), IsEmpty()) << sink;
  EXPECT_EQ(t.records, expected.size()) << sink;
  EXPECT_EQ(t.distinct_ids, expected.size()) << sink;
}

class EnricherDlq : public ::testing::Test {
 protected:
  void SetUp() override { write_corpus(ws_ / "in", kArticles); }

  void expect_delivered(const std::set<long>& expected) {
    expect_exactly(tally_jsonl(ws_ / "out/a.jsonl"), expected, "jsonl");
    expect_exactly(tally_sqlite(ws_ / "out/a.db"), expected, "sqlite");
  }

  Workspace ws_;
};

TEST_F(EnricherDlq, OnePercentFailsIsDeadLetteredAndReplayedAfterTheFix) {
  const auto broken = ws_.config("broken.toml", pipeline(kEvery));
  const auto failing = static_cast<std::size_t>(kArticles / kEvery);
  const auto n = std::to_string(failing);

  const auto run = ws_.sluice({"run", broken.string()});
  EXPECT_EQ(run.status.code, 1) << "a run with dead letters exits 1";
  EXPECT_THAT(run.out, HasSubstr(std::to_string(kArticles - static_cast<long>(failing)) +
                                 " articles delivered, " + n + " failed"));
  EXPECT_THAT(run.out, HasSubstr(n + " item(s) in the dead-letter store"));
  EXPECT_THAT(run.err, HasSubstr("sluice: pipeline p " + n + " failed item(s)"));
  expect_delivered(all_but_multiples(kEvery));

  // The store holds exactly the failed articles, each with stage, plugin,
  // error and the document needed to retry it.
  const auto dead = ws_.dead_letters(true);
  ASSERT_EQ(dead.size(), failing);
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::stage, "fail_every")));
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::plugin_version, "1.0.0")));
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::input_kind, "document")));
  EXPECT_THAT(dead, Each(Field(&sluice::host::DeadLetter::error, HasSubstr("(fail_every = 100)"))));
  std::vector<long> dead_markers;
  for (const auto& d : dead) dead_markers.push_back(stored_document_marker(d.input));
  EXPECT_THAT(dead_markers, UnorderedElementsAreArray(multiples(kEvery)));

  const auto list = ws_.sluice({"dlq", "list", "--config", broken.string()});
  EXPECT_EQ(list.status.code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr(n + " dead letters"));
  EXPECT_THAT(list.out, HasSubstr("fixture refuses " + marker(0)));

  // `show` prints the entry and the stored input.
  const auto show = ws_.sluice({"dlq", "show", std::to_string(dead.front().id), "--config", broken.string()});
  EXPECT_EQ(show.status.code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("stage:     fail_every"));
  EXPECT_THAT(show.out, HasSubstr("item:      " + dead.front().item));
  EXPECT_THAT(show.out, HasSubstr("input:     document, "));
  EXPECT_THAT(show.out, HasSubstr(dead.front().input));

  // Replayed through the still broken config: they fail again and stay,
  // each under the id it had (an id from `dlq list` keeps naming it).
  const auto again = ws_.sluice({"dlq", "replay", "--config", broken.string()});
  EXPECT_EQ(again.status.code, 1);
  EXPECT_THAT(again.out, HasSubstr("0 delivered and removed, " + n + " failed again"));
  const auto after = ws_.dead_letters();
  ASSERT_EQ(after.size(), failing);
  EXPECT_THAT(after, Each(Field(&sluice::host::DeadLetter::attempts, 2)));
  for (std::size_t i = 0; i < failing; ++i) {
    EXPECT_EQ(after[i].id, dead[i].id);
    EXPECT_EQ(after[i].item, dead[i].item);
    EXPECT_EQ(after[i].first_ms, dead[i].first_ms);
    EXPECT_GE(after[i].time_ms, dead[i].time_ms);
  }
  expect_delivered(all_but_multiples(kEvery));

  // Fixed: replay delivers each exactly once and empties the store.
  const auto fixed = ws_.config("fixed.toml", pipeline(0));
  const auto replay = ws_.sluice({"dlq", "replay", "--config", fixed.string()});
  EXPECT_EQ(replay.status.code, 0) << replay.out << replay.err;
  EXPECT_THAT(replay.out,
              HasSubstr("replayed " + n + " of " + n + ": " + n + " delivered and removed, 0 failed"));
  EXPECT_THAT(ws_.dead_letters(), IsEmpty());
  expect_delivered(marker_range(kArticles));

  // A further run finds nothing new (incremental source), a further replay nothing to do.
  const auto rerun = ws_.sluice({"run", fixed.string()});
  EXPECT_EQ(rerun.status.code, 0) << rerun.err;
  EXPECT_THAT(rerun.out, HasSubstr("0 documents, 0 articles delivered"));
  EXPECT_EQ(ws_.sluice({"dlq", "replay", "--config", fixed.string()}).status.code, 0);
  expect_delivered(marker_range(kArticles));
}

// purge deletes by --pipeline / --stage; everything only with --yes (no
// terminal to ask in a test, as in CI: refused with exit 2 and the hint); a
// filter naming nothing in the store is an error listing what is there.
TEST_F(EnricherDlq, PurgeHonoursItsFilters) {
  sluice::testing::write_file(ws_ / "in/unparseable.bin", "no parser matches *.bin");
  auto text = pipeline(kEvery);
  text.replace(text.find("plugin = \"seed_text\""), 20, "plugin = \"seed_text\"\nmatch = [\"*.txt\"]");
  const auto cfg = ws_.config("p.toml", text);
  ASSERT_EQ(ws_.sluice({"run", cfg.string(), "--quiet"}).status.code, 1);
  const auto failing = static_cast<std::size_t>(kArticles / kEvery);
  ASSERT_EQ(ws_.dead_letters().size(), failing + 1);

  const auto purge = [&](std::vector<std::string> filter) {
    std::vector<std::string> args{"dlq", "purge", "--config", cfg.string()};
    args.insert(args.end(), filter.begin(), filter.end());
    return ws_.sluice(args);
  };
  const auto typo_pipeline = purge({"--pipeline", "elsewhere"});
  EXPECT_EQ(typo_pipeline.status.code, 2);
  EXPECT_THAT(typo_pipeline.err,
              HasSubstr("no dead letters of pipeline 'elsewhere' (pipelines in the store: p)"));
  const auto typo_stage = purge({"--stage", "fail_evry"});
  EXPECT_EQ(typo_stage.status.code, 2);
  EXPECT_THAT(typo_stage.err,
              HasSubstr("no dead letters of stage 'fail_evry' (stages in the store: (router), fail_every)"));
  ASSERT_EQ(ws_.dead_letters().size(), failing + 1) << "a refused purge deletes nothing";

  const auto some = purge({"--pipeline", "p", "--stage", "fail_every"});
  EXPECT_EQ(some.status.code, 0) << some.err;
  EXPECT_EQ(some.out, "purged " + std::to_string(failing) + " dead letters\n");
  const auto left = ws_.dead_letters();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].stage, "(router)");
  EXPECT_EQ(left[0].item, "unparseable.bin");

  const auto unconfirmed = purge({});
  EXPECT_EQ(unconfirmed.status.code, 2);
  EXPECT_THAT(unconfirmed.err, HasSubstr("deletes all 1 dead letters in "));
  EXPECT_THAT(unconfirmed.err, HasSubstr("pass --yes"));
  EXPECT_EQ(ws_.dead_letters().size(), 1u);
  const auto all = purge({"--yes"});
  EXPECT_EQ(all.status.code, 0) << all.err;
  EXPECT_EQ(all.out, "purged 1 dead letter\n");
  EXPECT_THAT(ws_.dead_letters(), IsEmpty());
}

}  // namespace
}  // namespace reliability
