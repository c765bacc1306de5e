#include "dedup_enricher.hpp"

#include "simhash.hpp"

namespace sluice::plugins::dedup {
namespace {

std::int64_t in_range(const sdk::Options& o, const char* name, std::int64_t min, std::int64_t max) {
  const std::int64_t v = o.integer(name);
  if (v < min || v > max) {
    throw sdk::StageError("option '" + std::string(name) + "' must be between " + std::to_string(min) +
                          " and " + std::to_string(max));
  }
  return v;
}

}  // namespace

DedupEnricher::DedupEnricher(const sdk::StageInit& init)
    : shingle_words_(static_cast<std::uint32_t>(in_range(init.options, "shingle_words", 1, 16))),
      min_words_(static_cast<std::uint32_t>(in_range(init.options, "min_words", 0, 1'000'000))),
      drop_(init.options.boolean("drop")),
      index_(init.state, static_cast<int>(in_range(init.options, "max_distance", 0, 15)),
             static_cast<std::size_t>(in_range(init.options, "bucket_limit", 1, 10'000))) {}

void DedupEnricher::enrich(sdk::Article& article) {
  std::vector<std::string_view> texts;
  texts.reserve(article.body.size() + 1);
  if (!article.title.empty()) texts.emplace_back(article.title);
  for (const auto& p : article.body) texts.emplace_back(p);
  const Fingerprint fp = simhash(texts, shingle_words_);
  if (fp.words == 0) return;
  article.simhash = fp.simhash;
  // Short texts share too many shingles by chance to call them duplicates.
  if (fp.words < min_words_) return;

  std::optional<Match> match;
  {
    std::lock_guard lock(mutex_);
    match = index_.find_and_add(fp.simhash, article.id);
  }
  if (match && drop_)
    throw sdk::ArticleDropped("near-duplicate of " + match->id + " (distance " +
                              std::to_string(match->distance) + ")");
  if (match) {
    article.fields["duplicate_of"] = std::move(match->id);
    article.fields["duplicate_distance"] = match->distance;
  }
}

}  // namespace sluice::plugins::dedup
