// closest_match: the "did you mean" behind unknown keys and plugin names.
// It must find real typos and stay silent for unrelated words, because a
// wrong suggestion sends the operator looking in the wrong place.
#include <gtest/gtest.h>

#include "sluice/host/options_schema.hpp"

namespace sluice::config_test {
namespace {

using host::closest_match;

const std::vector<std::string> kPipelineKeys = {
    "schedule", "workers", "queue_capacity", "batch_size", "source", "parser", "enrich", "sink"};

TEST(ClosestMatch, FindsTypos) {
  EXPECT_EQ(closest_match("pth", {"path", "include"}), "path");         // deletion
  EXPECT_EQ(closest_match("workrs", kPipelineKeys), "workers");         // deletion
  EXPECT_EQ(closest_match("shedule", kPipelineKeys), "schedule");       // deletion
  EXPECT_EQ(closest_match("batch_sise", kPipelineKeys), "batch_size");  // substitution
  EXPECT_EQ(closest_match("enrichh", kPipelineKeys), "enrich");         // insertion
  EXPECT_EQ(closest_match("plugin_dir", {"plugin_dirs", "state"}), "plugin_dirs");
  EXPECT_EQ(closest_match("pipelines", {"host", "pipeline"}), "pipeline");
}

TEST(ClosestMatch, TranspositionCountsAsOneEdit) {
  EXPECT_EQ(closest_match("inculde", {"include", "exclude"}), "include");
  EXPECT_EQ(closest_match("snik", kPipelineKeys), "sink");
}

TEST(ClosestMatch, IgnoresCase) { EXPECT_EQ(closest_match("WORKERS", kPipelineKeys), "workers"); }

TEST(ClosestMatch, PrefersTheNearestCandidate) {
  EXPECT_EQ(closest_match("jsonll", {"json", "jsonl"}), "jsonl");
}

TEST(ClosestMatch, RejectsUnrelatedWords) {
  EXPECT_EQ(closest_match("banana", kPipelineKeys), "");
  EXPECT_EQ(closest_match("colour", {"path", "include", "attempts"}), "");
  EXPECT_EQ(closest_match("kafka", {"feed", "out", "tagger", "text"}), "");
  EXPECT_EQ(closest_match("zzzzzzzz", {"host", "pipeline"}), "");
}

TEST(ClosestMatch, NoCandidatesNoSuggestion) { EXPECT_EQ(closest_match("path", {}), ""); }

}  // namespace
}  // namespace sluice::config_test
