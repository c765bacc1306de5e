// Bad input must come back as an error (a thrown exception, a ParseOutput
// error), never as a crash or a hang: isolation.cpp turns those into a
// failure naming the input.
#include "check_list.hpp"
#include "context.hpp"
#include "exercise.hpp"
#include "inputs.hpp"

namespace sluice::conformance::detail {
namespace {

struct Tally {
  int handled = 0, refused = 0;
  std::string example;  // the first refusal, to show what the errors look like
  void add(const std::string& failure) {
    if (failure.empty()) {
      ++handled;
      return;
    }
    ++refused;
    if (example.empty()) example = failure.substr(0, 160);
  }
  std::string summary() const {
    return std::to_string(handled + refused) + " bad inputs: " + std::to_string(handled) + " handled, " +
           std::to_string(refused) + " refused with an error" +
           (example.empty() ? "" : " (e.g. \"" + example + "\")");
  }
};

}  // namespace

CheckResult check_garbage(const Target& target, const std::filesystem::path& work, Progress& progress) {
  const auto c = make_context(target, work);
  if (c.kind == SLUICE_KIND_SOURCE) return {Status::Skip, "a source takes no input from the host"};
  auto stage = make_instance(c, "garbage");
  Tally tally;
  if (c.kind == SLUICE_KIND_PARSER) {
    for (const auto& [label, doc] : garbage_documents()) {
      progress.on(label);
      const auto r = stage.run_parser(doc);
      tally.add(r.failed() ? r.failure : r.errors.empty() ? "" : r.errors.front());
    }
  } else if (c.kind == SLUICE_KIND_ENRICHER) {
    for (const auto& [label, article] : garbage_articles()) {
      progress.on(label);
      tally.add(stage.run_enricher(article).failure);
    }
  }
  if (c.kind == SLUICE_KIND_PARSER || c.kind == SLUICE_KIND_ENRICHER) {
    // Refusing bad input must not leave the instance broken for the next one.
    progress.on("ordinary input after the bad inputs");
    if (auto w = exercise(stage, c.kind); !w.failure.empty())
      return {Status::Fail, tally.summary() + "; afterwards ordinary input fails: " + w.failure};
  } else {
    progress.on("empty batch");
    tally.add(stage.run_sink({}).failure);
    std::vector<sdk::Article> all;
    for (const auto& [label, article] : garbage_articles()) {
      progress.on(label);
      const sdk::Article batch[] = {article};
      tally.add(stage.run_sink(batch).failure);
      all.push_back(article);
    }
    progress.on("every bad article in one batch");
    tally.add(stage.run_sink(all).failure);
    progress.on("close() after bad batches");
    tally.add(finish(stage, c.kind));
  }
  return {Status::Pass, tally.summary()};
}

}  // namespace sluice::conformance::detail
