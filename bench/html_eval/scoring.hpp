// The two scores html_eval prints.
//
// Segment score (trafilatura's evaluation): per page, each "with" segment
// found in the extracted text is a true positive, else a false negative;
// each "without" segment found is a false positive, else a true negative.
// Counts are summed over pages, then precision, recall and F1.
//
// Shingle score (the article-extraction-benchmark's): per page, the
// multisets of word 4-grams of the gold text and of the extraction give tp,
// fp and fn, normalised by their sum; precision and recall are averaged over
// pages, F1 is computed from the two means.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::bench::html_eval {

// White-space runs to one space, trimmed (both sides of a segment match).
std::string normalize_space(std::string_view text);

struct SegmentCounts {
  std::size_t tp = 0, fn = 0, fp = 0, tn = 0;
  void add(const SegmentCounts& o) {
    tp += o.tp;
    fn += o.fn;
    fp += o.fp;
    tn += o.tn;
  }
  double precision() const;
  double recall() const;
  double f1() const;
};

// `extracted` must already be normalize_space()d.
SegmentCounts score_segments(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without);

// Word tokens as Python's re.findall(r'\w+') finds them, approximately:
// letters, digits and '_' in any script; punctuation, symbols, spaces and
// combining marks separate words.
std::vector<std::string_view> word_tokens(std::string_view text);

struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;  // normalised: they sum to 1 (or are all 0)
};

ShingleCounts score_shingles(std::string_view gold, std::string_view extracted, std::size_t n = 4);

struct ShingleSummary {
  double precision = 0, recall = 0, f1 = 0;
  std::size_t pages = 0;
};

ShingleSummary summarize(const std::vector<ShingleCounts>& pages);

}  // namespace sluice::bench::html_eval
