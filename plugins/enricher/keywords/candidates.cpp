#include "candidates.hpp"

#include <algorithm>
#include <array>

#include "sluice/text_stats/case_fold.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::keywords {
namespace {

// The text between two words is only white space: they belong to one run.
bool adjacent(std::string_view gap) {
  for (const char c : gap) {
    if (c != ' ') return false;
  }
  return true;
}

bool is_acronym(std::string_view word) {
  if (word.size() < 2) return false;
  for (const char c : word) {
    if (!((c >= 'A' && c <= 'Z') || c == '.' || c == '-')) return false;
  }
  return true;
}

// One ASCII letter ("a", "s") is never a key phrase word.
bool long_enough(std::string_view word) { return word.size() >= 2; }

struct Occurrence {
  std::uint32_t index;  // word index in the article
  bool capitalized;
  std::uint32_t begin, end;  // byte range in the text
  std::uint32_t token;       // index in Candidates::tokens
};

}  // namespace

std::uint64_t combine(std::uint64_t phrase, std::uint64_t word) {
  return (phrase ^ word) * 0x9E3779B97F4A7C15ull + (phrase >> 29);
}

Candidates collect(const std::vector<std::string_view>& texts, const text_stats::StringTable& stop,
                   std::uint32_t max_words) {
  Candidates out;
  std::size_t bytes = 0;
  for (const std::string_view text : texts) bytes += text.size();
  // At least past the small-string buffer: a heap buffer keeps its address
  // when `out` is moved to the caller, so views into it stay valid.
  out.folded_words.reserve(std::max<std::size_t>(bytes, 64));
  out.tokens.reserve(bytes / 6);
  std::string scratch;
  std::vector<Occurrence> run;                        // the current run's words
  std::array<std::uint64_t, kMaxWords + 1> ending{};  // see add_phrases_ending_here

  for (const std::string_view text : texts) {
    // Counts every phrase ending at the run's last word. ending[n] holds the
    // hash of the n-word phrase ending at the previous word of the run (0
    // for n = 0), so each phrase hash is one combine() away:
    // h(w1..wn) = combine(h(w1..wn-1), wn).
    const auto add_phrases_ending_here = [&](std::uint64_t word_hash) {
      const std::size_t last = run.size() - 1;
      const std::size_t longest = std::min<std::size_t>(max_words, run.size());
      bool capitalized = true;
      const std::array<std::uint64_t, kMaxWords + 1> previous = ending;  // phrases ending one word earlier
      for (std::size_t n = 1; n <= longest; ++n) ending[n] = combine(previous[n - 1], word_hash);
      for (std::size_t n = 1; n <= longest; ++n) {
        const std::size_t first = last + 1 - n;
        capitalized = capitalized && run[first].capitalized;
        Candidate& c = out.phrases[ending[n]];
        if (c.count == 0) {
          c.words = static_cast<std::uint32_t>(n);
          c.first = run[first].index;
          c.token = run[first].token;
          c.prefix = n > 1 ? previous[n - 1] : 0;
          c.suffix = n > 1 ? ending[n - 1] : 0;  // the phrase without its first word
          c.surface = text.substr(run[first].begin, run[last].end - run[first].begin);
        }
        ++c.count;
        if (capitalized && c.capitalized++ == 0) {
          c.capitalized_surface = text.substr(run[first].begin, run[last].end - run[first].begin);
        }
      }
    };

    run.clear();
    std::uint32_t previous_end = 0;
    bool previous_possessive = false;
    text_stats::for_each_word(text, [&](const text_stats::Word& w) {
      const std::string_view word = w.in(text);
      const std::uint32_t index = out.total_words++;
      const bool joined =
          !run.empty() && !previous_possessive && adjacent(text.substr(previous_end, w.begin - previous_end));
      previous_end = w.end;
      previous_possessive = w.possessive;
      if (!joined) {
        run.clear();
      }
      // Folding never makes a word longer, so the arena reserved below never
      // moves and views into it stay valid.
      std::string_view folded = text_stats::fold_view(word, scratch);
      const std::uint64_t h = text_stats::StringTable::hash(folded);
      if (w.numeric || !long_enough(word) || (stop.contains(folded, h) && !is_acronym(word))) {
        run.clear();
        return;
      }
      if (folded.data() == scratch.data()) {
        const std::size_t at = out.folded_words.size();
        out.folded_words.append(folded);
        folded = std::string_view(out.folded_words).substr(at);
      }
      run.push_back({index, w.capitalized, w.begin, w.end, static_cast<std::uint32_t>(out.tokens.size())});
      out.tokens.push_back({h, folded});
      add_phrases_ending_here(h);
    });
  }

  return out;
}

}  // namespace sluice::plugins::keywords
