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

std::uint64_t DocumentFrequencies::word_count(std::string_view word) {
  if (auto it = words_.find(word); it != words_.end()) return it->second;
  if (words_.size() >= kMaxCachedWords) words_.clear();
  key_.assign("df/").append(word);
  const std::uint64_t n = number(key_);
  words_.emplace(word, n);
  return n;
}

DocumentFrequencies::Snapshot DocumentFrequencies::read_and_count(
    std::string_view article_id, const std::vector<std::string_view>& words) {
  Snapshot snap;
  if (state_ == nullptr) return snap;

  std::lock_guard lock(mutex_);
  if (!documents_) documents_ = number("df/#docs");
  snap.documents = *documents_;
  snap.df.reserve(words.size());
  for (const std::string_view w : words) snap.df[w] = word_count(w);

  std::string seen = "seen/";
  seen.append(article_id);
  if (article_id.empty() || state_->get(seen)) return snap;
  state_->put(seen, "1");
  documents_ = snap.documents + 1;
  state_->put("df/#docs", std::to_string(*documents_));
  for (const std::string_view w : words) {
    const std::uint64_t n = snap.df[w] + 1;
    words_.insert_or_assign(std::string(w), n);
    key_.assign("df/").append(w);
    state_->put(key_, std::to_string(n));
  }
  return snap;
}

}  // namespace sluice::plugins::keywords
