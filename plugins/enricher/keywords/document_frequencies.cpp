#include "document_frequencies.hpp"

#include <charconv>
#include <cmath>

namespace sluice::plugins::keywords {

double idf(std::uint64_t documents, std::uint64_t df) {
  return std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0;
}

std::uint64_t DocumentFrequencies::number(std::string_view key) {
  const auto value = state_->get(key);
  std::uint64_t n = 0;
  if (value) std::from_chars(value->data(), value->data() + value->size(), n);
  return n;
}

DocumentFrequencies::~DocumentFrequencies() {
  try {
    flush();
  } catch (...) {
    // A store failing at shutdown loses this window's counts, as a crash would.
  }
}

DocumentFrequencies::Entry& DocumentFrequencies::word_count(std::string_view word) {
  if (auto it = words_.find(word); it != words_.end()) return *it;
  key_.assign("df/").append(word);
  const std::uint64_t n = number(key_);
  return *words_.emplace(word, Count{n, false}).first;
}

void DocumentFrequencies::put_number(std::string_view key, std::uint64_t n) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  state_->put(key, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

DocumentFrequencies::Snapshot DocumentFrequencies::read_and_count(
    std::string_view article_id, const std::vector<std::string_view>& words) {
  Snapshot snap;
  if (state_ == nullptr) return snap;

  std::lock_guard lock(mutex_);
  if (!documents_) documents_ = number("df/#docs");
  snap.documents = *documents_;
  // Flushed and dropped before the lookups, never during: the entries found
  // below are updated in place after the seen/ check (map nodes do not move).
  if (words_.size() + words.size() > kMaxCachedWords) {
    flush_locked();
    words_.clear();
  }
  counts_.clear();
  snap.df.reserve(words.size());
  for (const std::string_view w : words) {
    Entry& entry = word_count(w);
    counts_.push_back(&entry);
    snap.df.push_back(entry.second.n);
  }

  if (article_id.empty() || unflushed_seen_.count(article_id)) return snap;
  std::string seen = "seen/";
  seen.append(article_id);
  if (state_->get(seen)) return snap;
  unflushed_seen_.emplace(article_id);
  documents_ = snap.documents + 1;
  for (Entry* entry : counts_) {
    ++entry->second.n;
    if (!entry->second.dirty) {
      entry->second.dirty = true;
      dirty_.push_back(entry);
    }
  }
  if (unflushed_seen_.size() >= kFlushEvery) flush_locked();
  return snap;
}

void DocumentFrequencies::flush() {
  if (state_ == nullptr) return;
  std::lock_guard lock(mutex_);
  flush_locked();
}

void DocumentFrequencies::flush_locked() {
  if (unflushed_seen_.empty()) return;
  std::string key;
  for (const auto& id : unflushed_seen_) {
    key.assign("seen/").append(id);
    state_->put(key, "1");
  }
  unflushed_seen_.clear();
  put_number("df/#docs", *documents_);
  for (auto* entry : dirty_) {
    key_.assign("df/").append(entry->first);
    put_number(key_, entry->second.n);
    entry->second.dirty = false;
  }
  dirty_.clear();
}

}  // namespace sluice::plugins::keywords
