#include "classifier.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

#include "ngrams.hpp"

namespace sluice::plugins::language {
namespace {
#include "language_profiles.inc"
}  // namespace

std::vector<std::string_view> Classifier::languages() {
  return {std::begin(kLanguageCodes), std::end(kLanguageCodes)};
}

Classifier::Classifier(const std::vector<std::string>& languages) {
  std::uint32_t size = 1;
  while (size < kNgramCount * 2) size <<= 1;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (std::uint32_t row = 0; row < kNgramCount; ++row) {
    std::uint32_t i = kNgramHashes[row] & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = row + 1;
  }
  for (int l = 0; l < kLanguageCount; ++l) {
    if (languages.empty()) active_.push_back(l);
  }
  for (const std::string& code : languages) {
    int found = -1;
    for (int l = 0; l < kLanguageCount; ++l) {
      if (code == kLanguageCodes[l]) found = l;
    }
    if (found < 0) throw std::invalid_argument("no language profile for '" + code + "'");
    active_.push_back(found);
  }
}

std::optional<Guess> Classifier::classify(const std::vector<std::string_view>& texts, std::size_t max_bytes,
                                          std::size_t min_letters) const {
  std::array<std::int32_t, kLanguageCount> score{};
  std::uint32_t ngrams = 0;
  std::size_t letters = 0;
  const auto add = [&](std::uint32_t h, int) {
    for (std::uint32_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t slot = slots_[i];
      if (slot == 0) return;  // no profile knows it
      if (kNgramHashes[slot - 1] == h) {
        const std::int8_t* row = kLogProb[slot - 1];
        for (int l = 0; l < kLanguageCount; ++l) score[l] += row[l];
        ++ngrams;
        return;
      }
    }
  };
  for (const std::string_view text : texts) {
    if (max_bytes == 0) break;
    const std::size_t take = std::min(text.size(), max_bytes);
    letters += for_each_ngram(text, take, add);
    max_bytes -= take;
  }
  if (letters < min_letters || ngrams == 0 || active_.empty()) return std::nullopt;

  int best = active_.front();
  for (const int l : active_) {
    if (score[l] > score[best]) best = l;
  }
  const double k = 20.0 / (kScale * ngrams);
  double sum = 0;
  for (const int l : active_) sum += std::exp((score[l] - score[best]) * k);
  return Guess{kLanguageCodes[best], 1.0 / sum};
}

}  // namespace sluice::plugins::language
