// Sinks take each source's documents in delivery order, so a slow document
// holds back the ones after it. The source must then stop reading ahead
// (bounded at 2 * queue_capacity + workers documents) instead of piling the
// whole input up in memory behind it: memory stays flat.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

#include "corpus.hpp"
#include "delivery.hpp"
#include "fixture_paths.hpp"
#include "sluice/host/host.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

TEST(ReadAhead, StopsWhileAnEarlierDocumentIsSlow) {
  Workspace ws;
  constexpr long kArticles = 200;
  write_corpus(ws / "in", kArticles);
  sluice::host::Host host;
  host.use_default_plugin_dir(false);
  host.add_plugin_dir(builtin_plugin_dir());
  host.add_plugin_dir(fixture_plugin_dir());
  const auto config = host.load_config_string(R"(
[pipeline.p]
workers = 2
queue_capacity = 2

[[pipeline.p.source]]
plugin = "files"
path = ")" + (ws / "in").string() + R"("

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.enrich]]
plugin = "hang_enricher"
hang_marker = 0
hang_for = "1500ms"

[[pipeline.p.sink]]
plugin = "jsonl"
path = ")" + (ws / "out/a.jsonl").string() + "\"\n");

  std::atomic<std::uint64_t> most_read_while_stuck{0};
  sluice::host::RunOptions options;
  options.on_progress = [&](const std::string&, std::uint64_t documents, std::uint64_t articles) {
    if (articles == 0) most_read_while_stuck = std::max<std::uint64_t>(most_read_while_stuck, documents);
  };
  const auto report = host.run(config, "p", options).at(0);
  ASSERT_TRUE(report.ok()) << sluice::host::format_report(report);
  EXPECT_EQ(report.articles, static_cast<std::uint64_t>(kArticles));
  // 2 * 2 + 2 in flight, plus the one read and waiting for room.
  EXPECT_GT(most_read_while_stuck.load(), 0u);
  EXPECT_LE(most_read_while_stuck.load(), 7u);
  const auto t = tally_jsonl(ws / "out/a.jsonl");
  EXPECT_EQ(t.records, static_cast<std::size_t>(kArticles));
  EXPECT_TRUE(t.duplicated().empty());
}

}  // namespace
}  // namespace reliability
