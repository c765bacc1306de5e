// Naive Bayes over character n-grams with the profiles generated at build
// time from Debian's translated message catalogues (tools/make_profiles).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::language {

struct Guess {
  std::string_view code;  // ISO 639-1
  double confidence = 0;  // 0..1
};

// Immutable after construction: one instance can serve every thread.
class Classifier {
 public:
  // Considers only `languages` (ISO 639-1 codes); empty means all profiles.
  // Throws std::invalid_argument naming a code without a profile.
  explicit Classifier(const std::vector<std::string>& languages = {});

  // The most likely language of `texts` (read in order, `max_bytes` in all),
  // or nothing when they hold fewer than `min_letters` letters.
  //
  // Each language scores the sum of log P(n-gram | language) over the
  // texts' 1-, 2- and 3-grams that any profile knows. The confidence is the
  // winner's share of a softmax over the languages' mean log-likelihood per
  // n-gram times 20: the text counts as 20 independent pieces of evidence
  // however long it is, because naive Bayes posteriors on whole texts are
  // always 0 or 1 and tell nothing about close calls.
  std::optional<Guess> classify(const std::vector<std::string_view>& texts, std::size_t max_bytes,
                                std::size_t min_letters) const;

  // Every language with a profile, in profile order.
  static std::vector<std::string_view> languages();

 private:
  std::vector<std::uint32_t> slots_;  // open addressing: profile row + 1, 0 = empty
  std::uint32_t mask_ = 0;
  std::vector<int> active_;  // profile columns considered
};

}  // namespace sluice::plugins::language
