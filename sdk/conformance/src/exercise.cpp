#include "exercise.hpp"

#include "inputs.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::conformance::detail {
namespace {

Work parse_ordinary(sdk::testing::StageHarness& stage) {
  Work work;
  std::string failures;
  bool any_parsed = false;
  // Appended piece by piece: GCC 12 misreports `"literal" + string` (PR 105329).
  auto& out = work.fingerprint;
  for (const auto& doc : ordinary_documents()) {
    const auto r = stage.run_parser(doc);
    out.append(doc.key).append(":");
    if (r.failed()) {
      out.append(" failed: ").append(r.failure).append("\n");
      failures.append("\n  ").append(doc.key).append(": ").append(r.failure);
      continue;
    }
    any_parsed = true;
    for (const auto& a : r.articles) out.append(" ").append(sdk::json::to_json(a)).append("\n");
    for (const auto& e : r.errors) out.append(" error: ").append(e).append("\n");
  }
  if (!any_parsed) work.failure = "every ordinary document failed:" + failures;
  return work;
}

Work enrich_ordinary(sdk::testing::StageHarness& stage) {
  const auto r = stage.run_enricher(ordinary_article());
  return {r.failure, r.failed() ? std::string() : sdk::json::to_json(r.article)};
}

Work read_source(sdk::testing::StageHarness& stage) {
  const auto r = stage.run_source(1000);
  Work work{r.failure, {}};
  // URIs hold each instance's own directory; keys and content do not.
  for (const auto& d : r.documents)
    work.fingerprint += d.key + " " + d.content_type + " " + std::to_string(d.bytes.size()) + " " +
                        sdk::hex64(XXH3_64bits(d.bytes.data(), d.bytes.size())) + "\n";
  return work;
}

Work write_ordinary(sdk::testing::StageHarness& stage) {
  const sdk::Article batch[] = {ordinary_article()};
  return {stage.run_sink(batch).failure, {}};
}

}  // namespace

Work exercise(sdk::testing::StageHarness& stage, std::uint32_t kind) {
  switch (kind) {
    case SLUICE_KIND_SOURCE: return read_source(stage);
    case SLUICE_KIND_PARSER: return parse_ordinary(stage);
    case SLUICE_KIND_ENRICHER: return enrich_ordinary(stage);
    default: return write_ordinary(stage);
  }
}

std::string finish(sdk::testing::StageHarness& stage, std::uint32_t kind) {
  return kind == SLUICE_KIND_SINK ? stage.close_sink().failure : std::string();
}

}  // namespace sluice::conformance::detail
