#include "ranking.hpp"

#include <algorithm>
#include <cmath>

namespace sluice::plugins::keywords {
namespace {

struct Scored {
  const Candidate* candidate;
  double score;
};

std::string term_of(const Candidates& all, const Candidate& c) {
  if (c.capitalized * 2 > c.count) return std::string(c.capitalized_surface);
  std::string term;
  for (std::uint32_t k = 0; k < c.words; ++k) {
    const Token& t = all.tokens[c.token + k];
    if (k != 0) term.push_back(' ');
    term.append(t.folded);
  }
  return term;
}

}  // namespace

std::vector<sdk::Keyword> rank(const Candidates& all, const WordWeight& weight, const RankOptions& options) {
  const auto kept = [&](const Candidate& c) { return c.words == 1 || c.count >= options.min_phrase_count; };

  // Occurrences of each phrase inside kept phrases one word longer.
  text_stats::FlatMap<std::uint32_t> contained(all.phrases.size() / 4 + 16);
  all.phrases.for_each([&](std::uint64_t, const Candidate& c) {
    if (c.words < 2 || !kept(c)) return;
    contained[c.prefix] += c.count;
    if (c.suffix != c.prefix) contained[c.suffix] += c.count;
  });

  std::vector<Scored> scored;
  const double total = all.total_words == 0 ? 1.0 : all.total_words;
  all.phrases.for_each([&](std::uint64_t hash, const Candidate& c) {
    if (!kept(c)) return;
    if (const std::uint32_t* inside = contained.find(hash); inside != nullptr && *inside * 10 >= c.count * 7)
      return;
    double sum = 0;
    for (std::uint32_t k = 0; k < c.words; ++k) {
      const Token& t = all.tokens[c.token + k];
      sum += weight(t);
    }
    const double score = c.count * (sum / c.words) * std::sqrt(static_cast<double>(c.words)) *
                         (1 + 0.5 * c.capitalized / c.count) * (1 + 0.5 * (1 - c.first / total));
    scored.push_back({&c, score});
  });
  // Highest score first; ties by first appearance, so the order is stable.
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.candidate->first < b.candidate->first ||
           (a.candidate->first == b.candidate->first && a.candidate->words > b.candidate->words);
  });
  if (scored.size() > options.top) scored.resize(options.top);

  std::vector<sdk::Keyword> out;
  out.reserve(scored.size());
  for (const Scored& s : scored) out.push_back({term_of(all, *s.candidate), s.score / scored.front().score});
  return out;
}

}  // namespace sluice::plugins::keywords
