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
#include <unordered_set>
#include <vector>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::keywords {

// Keys in the state store:
//   "df/#docs"       articles counted so far
//   "df/<word>"      articles whose candidates contained the folded word
//   "seen/<id>"      the article with this id was counted (so a re-run, or
//                    a replay from the dead-letter store, does not count it twice)
// Values are decimal numbers.
//
// Counts are kept in memory and written to the store every kFlushEvery
// counted articles (and when the stage ends), all of a window together:
// an article's seen/ marker lands with its counts, never without them. Each
// word touched in the window is written once, not once per article, which
// is what makes the per-article state cost small. A crash loses at most
// the last window's counts (statistics only: the articles themselves are
// delivered as always, and their keywords stay valid).
class DocumentFrequencies {
 public:
  static constexpr std::size_t kFlushEvery = 512;

  explicit DocumentFrequencies(sdk::StateStore* state) : state_(state) {}
  ~DocumentFrequencies();
  DocumentFrequencies(const DocumentFrequencies&) = delete;
  DocumentFrequencies& operator=(const DocumentFrequencies&) = delete;

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

  // Writes the counts of the articles counted since the last flush.
  void flush();

 private:
  struct Count {
    std::uint64_t n = 0;
    bool dirty = false;  // changed since the last flush
  };
  using Entry = std::pair<const std::string, Count>;  // a node of words_: nodes do not move
  std::uint64_t number(std::string_view key);
  Entry& word_count(std::string_view word);  // df of a word, cached; the cache's entry
  void put_number(std::string_view key, std::uint64_t n);
  void flush_locked();

  // The counts this instance read or wrote, so an article's few hundred
  // words cost hash lookups instead of state-store reads. The store is the
  // truth once flushed: the cache starts empty and is flushed and dropped
  // when it grows too big (only between articles: read_and_count keeps
  // references into it).
  struct Hash : std::hash<std::string_view> {
    using is_transparent = void;
  };
  static constexpr std::size_t kMaxCachedWords = 200'000;

  sdk::StateStore* state_;
  std::mutex mutex_;
  std::string key_;             // scratch: "df/<word>"
  std::vector<Entry*> counts_;  // scratch: the cache entries of one article's words
  std::optional<std::uint64_t> documents_;
  std::unordered_map<std::string, Count, Hash, std::equal_to<>> words_;
  std::vector<Entry*> dirty_;  // the entries changed since the last flush
  std::unordered_set<std::string, Hash, std::equal_to<>> unflushed_seen_;  // ids counted since the flush
};

// Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, so an
// unseen word weighs most and a word in every article still weighs 1.
double idf(std::uint64_t documents, std::uint64_t df);

}  // namespace sluice::plugins::keywords
