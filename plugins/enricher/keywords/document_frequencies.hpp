// Document frequencies of words, kept in the stage's state store so that
// keyword weights become TF-IDF once enough articles were seen.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::keywords {

// Keys in the state store:
//   "df/#docs"       articles counted so far
//   "df/<word>"      articles whose candidates contained the folded word
//   "seen/<id>"      the article with this id was counted (so a re-run, or
//                    a replay from the dead-letter store, does not count it twice)
// Values are decimal numbers.
class DocumentFrequencies {
 public:
  explicit DocumentFrequencies(sdk::StateStore* state) : state_(state) {}

  // Reads the counts of `words` (distinct folded words of one article), then
  // counts the article once: updates happen under a lock so concurrent
  // workers do not lose increments. Returns the number of documents and the
  // df of each of `words`, in the same order, as they were before this
  // article; documents = 0 without a state store.
  struct Snapshot {
    std::uint64_t documents = 0;
    std::vector<std::uint64_t> df;
  };
  Snapshot read_and_count(std::string_view article_id, const std::vector<std::string_view>& words);

 private:
  std::uint64_t number(std::string_view key);
  std::uint64_t& word_count(std::string_view word);  // df of a word, cached; the cache's entry
  void put_number(std::string_view key, std::uint64_t n);

  // The counts this instance read or wrote, so an article's few hundred
  // words cost hash lookups instead of state-store reads. The store stays
  // the truth: the cache starts empty and is dropped when it grows too big
  // (only between articles: read_and_count keeps references into it).
  struct Hash : std::hash<std::string_view> {
    using is_transparent = void;
  };
  static constexpr std::size_t kMaxCachedWords = 200'000;

  sdk::StateStore* state_;
  std::mutex mutex_;
  std::string key_;                     // scratch: "df/<word>"
  std::vector<std::uint64_t*> counts_;  // scratch: the cache entries of one article's words
  std::optional<std::uint64_t> documents_;
  std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>> words_;
};

// Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, so an
// unseen word weighs most and a word in every article still weighs 1.
double idf(std::uint64_t documents, std::uint64_t df);

}  // namespace sluice::plugins::keywords
