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

DocumentFrequencies::Snapshot DocumentFrequencies::read_and_count(
    std::string_view article_id, const std::vector<std::string_view>& words) {
  Snapshot snap;
  if (state_ == nullptr) return snap;
  std::string key;
  const auto df_key = [&](std::string_view word) -> const std::string& {
    key.assign("df/");
    key.append(word);
    return key;
  };

  std::lock_guard lock(mutex_);
  snap.documents = number("df/#docs");
  snap.df.reserve(words.size());
  for (const std::string_view w : words) snap.df[w] = number(df_key(w));

  std::string seen = "seen/";
  seen.append(article_id);
  if (article_id.empty() || state_->get(seen)) return snap;
  state_->put(seen, "1");
  state_->put("df/#docs", std::to_string(snap.documents + 1));
  for (const std::string_view w : words) state_->put(df_key(w), std::to_string(snap.df[w] + 1));
  return snap;
}

}  // namespace sluice::plugins::keywords
