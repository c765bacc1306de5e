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

std::uint64_t& DocumentFrequencies::word_count(std::string_view word) {
  if (auto it = words_.find(word); it != words_.end()) return it->second;
  key_.assign("df/").append(word);
  const std::uint64_t n = number(key_);
  return words_.emplace(word, n).first->second;
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
  // Dropped before the lookups, never during: the entries found below are
  // updated in place after the seen/ check (map nodes do not move).
  if (words_.size() + words.size() > kMaxCachedWords) words_.clear();
  counts_.clear();
  snap.df.reserve(words.size());
  for (const std::string_view w : words) {
    std::uint64_t& count = word_count(w);
    counts_.push_back(&count);
    snap.df.push_back(count);
  }

  std::string seen = "seen/";
  seen.append(article_id);
  if (article_id.empty() || state_->get(seen)) return snap;
  state_->put(seen, "1");
  documents_ = snap.documents + 1;
  put_number("df/#docs", *documents_);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::uint64_t n = ++*counts_[i];
    key_.assign("df/").append(words[i]);
    put_number(key_, n);
  }
  return snap;
}

}  // namespace sluice::plugins::keywords
