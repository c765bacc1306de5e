#include <map>

#include "sluice/host/dead_letters.hpp"
#include "state/serialization.hpp"

namespace sluice::host {
namespace {

constexpr const char* kArticleType = "application/x-sluice-article+json";

// Feeds stored entries back in as documents. Acknowledging one retires it
// inside the host's checkpoint transaction (same connection): it leaves the
// store when that transaction commits, unless the batch failed the same way
// again, which keeps the entry (same id, count raised). Until the replay's
// checkpoint commits, every entry stays as it was.
class ReplaySource : public sdk::Source {
 public:
  ReplaySource(StateDb& db, std::vector<DeadLetter> entries) : db_(db), entries_(std::move(entries)) {}

  bool next(sdk::RawDocument& out) override {
    if (next_ == entries_.size()) return false;
    const auto& d = entries_[next_++];
    if (d.input_kind == "article") {
      out = {};
      out.key = d.item;
      out.content_type = kArticleType;
      out.bytes = d.input;
    } else {
      out = detail::document_from_json(d.input);
    }
    out.meta["sluice.replay.attempts"] = static_cast<std::int64_t>(d.attempts);
    out.cursor = std::to_string(next_ - 1);
    return true;
  }

  void acknowledge(std::string_view cursor) override {
    const auto upto = std::stoul(std::string(cursor));
    for (; acked_ <= upto; ++acked_) db_.retire_dead_letter(entries_[acked_].id);
  }

  // Entries checkpointed: delivered (removed), or failed again (kept, count
  // raised). A run that stopped or failed leaves the rest in place.
  std::size_t acknowledged() const { return acked_; }

 private:
  StateDb& db_;
  std::vector<DeadLetter> entries_;
  std::size_t next_ = 0, acked_ = 0;
};

// Reads back the canonical JSON a sink failure stored.
class ArticleJsonParser : public sdk::Parser {
 public:
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override {
    out.article(detail::article_from_json(doc.bytes));
  }
};

bool has_sink(const PipelineConfig& p, const std::string& name) {
  for (const auto& s : p.sinks)
    if (s.name == name) return true;
  return false;
}

}  // namespace

ReplayOutcome replay_dead_letters(const Config& config, const PluginRegistry& registry, StateDb& db,
                                  const DeadLetterFilter& filter, RunOptions options) {
  ReplayOutcome outcome;
  // (pipeline, sink stage or "" for documents) -> entries, in id order.
  std::map<std::pair<std::string, std::string>, std::vector<DeadLetter>> groups;
  for (auto& d : db.dead_letters(filter, true)) {
    ++outcome.selected;
    const auto* p = config.pipeline(d.pipeline);
    if (!p) {
      outcome.skipped.push_back("#" + std::to_string(d.id) + ": pipeline '" + d.pipeline + "' is not in " +
                                config.file);
      continue;
    }
    const bool article = d.input_kind == "article";
    if (article && !has_sink(*p, d.stage)) {
      outcome.skipped.push_back("#" + std::to_string(d.id) + ": pipeline '" + d.pipeline + "' has no sink '" +
                                d.stage + "' any more");
      continue;
    }
    groups[{d.pipeline, article ? d.stage : std::string()}].push_back(std::move(d));
  }
  options.state_db = &db;
  for (auto& [key, entries] : groups) {
    RunOptions run = options;
    auto source = std::make_shared<ReplaySource>(db, std::move(entries));
    run.source_override = source;
    if (!key.second.empty()) {
      run.parser_override = std::make_shared<ArticleJsonParser>();
      run.only_sinks = {key.second};
    }
    auto report = run_pipeline(*config.pipeline(key.first), registry, run);
    // Counted from what was checkpointed, not from what was selected: a
    // replay that stops or fails part way must not claim the rest.
    const auto removed = source->acknowledged();
    const auto again = std::min<std::size_t>(removed, report.dead_lettered);
    outcome.failed_again += again;
    outcome.succeeded += removed - again;
    outcome.reports.push_back(std::move(report));
  }
  return outcome;
}

}  // namespace sluice::host
