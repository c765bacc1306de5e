// The `keywords` enricher on hand-made text, with document frequencies, and
// on the seed article.
#include <gtest/gtest.h>

#include "keywords_enricher.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::keywords {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::keywords {
namespace {

using text_stats::testing::article_of;
using text_stats::testing::init_of;
using text_stats::testing::MemoryState;

std::vector<std::string> terms(const sdk::Article& a) {
  std::vector<std::string> out;
  for (const auto& k : a.keywords) out.push_back(k.term);
  return out;
}

sdk::Article run(std::vector<std::string> body, sdk::Map options = {}) {
  KeywordsEnricher e(init_of(descriptor(), std::move(options)));
  sdk::Article a = article_of(std::move(body));
  e.enrich(a);
  return a;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Keywords, SeedHasItsSubjects) {
  KeywordsEnricher e(init_of(descriptor()));
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  e.enrich(a);
  const auto t = terms(a);
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0], "North Korea");
  EXPECT_EQ(t[1], "Russia");
  for (const char* want : {"Shoigu", "Pyongyang", "Ukraine", "Kim", "US", "defence minister"}) {
    EXPECT_TRUE(has(t, want)) << want;
  }
  EXPECT_FALSE(has(t, "Korea"));  // only ever inside "North Korea"
  EXPECT_DOUBLE_EQ(a.keywords.front().score, 1.0);
  for (std::size_t i = 1; i < a.keywords.size(); ++i) EXPECT_LE(a.keywords[i].score, a.keywords[i - 1].score);
}

TEST(Keywords, StopwordsAndPunctuationSplitPhrasesButAcronymsStay) {
  const auto t = terms(run({"The US said the solar farm was ready. Solar farm output, the US said, doubled.",
                            "Officials in the US praised the solar farm."}));
  EXPECT_EQ(t.front(), "US");  // three times, and capitalized
  EXPECT_EQ(t[1], "solar farm");
  EXPECT_FALSE(has(t, "said"));
  EXPECT_FALSE(has(t, "farm output doubled"));  // a comma ends the run
}

TEST(Keywords, PossessiveEndsAPhrase) {
  const auto t = terms(run({"Russia\xE2\x80\x99s defence minister met Iran\xE2\x80\x99s defence minister."}));
  EXPECT_EQ(t.front(), "defence minister");
  for (const auto& term : t) EXPECT_EQ(term.find("Russia defence"), std::string::npos) << term;
}

TEST(Keywords, RarePhrasesNeedMinPhraseCount) {
  const std::vector<std::string> body = {"Heavy rain fell on the old harbour. The old harbour flooded."};
  EXPECT_TRUE(has(terms(run(body)), "old harbour"));
  EXPECT_FALSE(has(terms(run(body)), "heavy rain"));  // once only
  // Once allowed, the whole run wins over its parts (they occur only inside it).
  EXPECT_TRUE(has(terms(run(body, {{"min_phrase_count", 1}})), "heavy rain fell"));
  EXPECT_FALSE(has(terms(run(body, {{"min_phrase_count", 1}})), "heavy rain"));
}

TEST(Keywords, MostlyCapitalizedPhrasesKeepTheirSpelling) {
  const auto t = terms(run({"The Red Cross arrived. Later the Red Cross left; a red cross was painted."}));
  EXPECT_EQ(t.front(), "Red Cross");
}

TEST(Keywords, TopAndMaxWordsLimitTheOutput) {
  const std::vector<std::string> body = {
      "United Nations Security Council members met. The United Nations Security Council voted.",
      "Apples, pears, plums, cherries and grapes were served."};
  EXPECT_EQ(run(body, {{"top", 2}}).keywords.size(), 2u);
  for (const auto& term : terms(run(body, {{"max_words", 2}}))) {
    EXPECT_LE(std::count(term.begin(), term.end(), ' '), 1) << term;
  }
  EXPECT_EQ(terms(run(body, {{"max_words", 4}})).front(), "United Nations Security Council");
  EXPECT_TRUE(run({}).keywords.empty());
}

TEST(Keywords, DocumentFrequenciesAreCountedOncePerArticle) {
  MemoryState state;
  {
    KeywordsEnricher e(init_of(descriptor(), {}, &state));
    sdk::Article a = article_of({"Volcano erupts near the village."}, "", "id-1");
    e.enrich(a);
    e.enrich(a);  // the same article again: not counted twice
    sdk::Article b = article_of({"The volcano calmed."}, "", "id-2");
    e.enrich(b);
  }  // the stage ends: its counts are written
  EXPECT_EQ(state.values()["df/#docs"], "2");
  EXPECT_EQ(state.values()["df/volcano"], "2");
  EXPECT_EQ(state.values()["df/village"], "1");
  EXPECT_EQ(state.values().count("df/the"), 0u);  // stopwords are not counted
  EXPECT_EQ(state.values()["seen/id-1"], "1");
}

// Counts reach the store a window of articles at a time, each article's
// seen/ marker together with its counts; every word once per window.
TEST(Keywords, DocumentFrequenciesAreWrittenOncePerWindow) {
  MemoryState state;
  KeywordsEnricher e(init_of(descriptor(), {}, &state));
  const std::size_t window = DocumentFrequencies::kFlushEvery;
  for (std::size_t i = 0; i + 1 < window; ++i) {
    sdk::Article a = article_of({"Volcano erupts near the village."}, "", "id-" + std::to_string(i));
    e.enrich(a);
  }
  EXPECT_EQ(state.puts.load(), 0u);
  EXPECT_EQ(state.values().count("seen/id-0"), 0u);
  sdk::Article last = article_of({"Volcano erupts near the village."}, "", "id-last");
  e.enrich(last);
  EXPECT_EQ(state.values()["df/#docs"], std::to_string(window));
  EXPECT_EQ(state.values()["df/volcano"], std::to_string(window));
  EXPECT_EQ(state.values()["seen/id-0"], "1");
  EXPECT_EQ(state.values()["seen/id-last"], "1");
  // window seen/ markers, df/#docs, and one key per counted word (volcano, erupts, village)
  EXPECT_EQ(state.puts.load(), window + 1 + 3);
  e.enrich(last);  // already counted: read from the store, nothing written
  EXPECT_EQ(state.puts.load(), window + 1 + 3);
}

TEST(Keywords, DocumentFrequenciesCarryOverToTheNextRun) {
  MemoryState state;
  {
    KeywordsEnricher first_run(init_of(descriptor(), {}, &state));
    for (const char* id : {"id-1", "id-2"}) {
      sdk::Article a = article_of({"Volcano erupts near the village."}, "", id);
      first_run.enrich(a);
    }
  }
  {
    // A new instance starts from the store, not from a cache of its own.
    KeywordsEnricher next_run(init_of(descriptor(), {}, &state));
    sdk::Article c = article_of({"The volcano calmed."}, "", "id-3");
    next_run.enrich(c);
  }
  EXPECT_EQ(state.values()["df/#docs"], "3");
  EXPECT_EQ(state.values()["df/volcano"], "3");
  EXPECT_EQ(state.values()["df/village"], "2");
}

TEST(Keywords, InverseDocumentFrequencyDemotesWordsInEveryArticle) {
  const std::vector<std::string> body = {"Market market market traders. Volcano volcano near the market."};
  EXPECT_EQ(terms(run(body)).front(), "market");  // by counts alone

  MemoryState state;
  KeywordsEnricher e(init_of(descriptor(), {{"min_documents", 3}}, &state));
  for (int i = 0; i < 3; ++i) {
    sdk::Article past = article_of({"Market news: the market rose."}, "", "past-" + std::to_string(i));
    e.enrich(past);
  }
  sdk::Article a = article_of(body, "", "now");
  e.enrich(a);
  EXPECT_EQ(terms(a).front(), "volcano");
}

TEST(Keywords, NoStateStoreOrOptionOffMeansNoCounting) {
  MemoryState state;
  KeywordsEnricher e(init_of(descriptor(), {{"document_frequencies", false}}, &state));
  sdk::Article a = article_of({"Volcano erupts."}, "", "id-1");
  e.enrich(a);
  EXPECT_TRUE(state.values().empty());
  EXPECT_EQ(terms(a).front(), "Volcano");
}

TEST(Keywords, RejectsBadOptions) {
  EXPECT_THROW(KeywordsEnricher(init_of(descriptor(), {{"top", 0}})), sdk::StageError);
  EXPECT_THROW(KeywordsEnricher(init_of(descriptor(), {{"max_words", 7}})), sdk::StageError);
  EXPECT_THROW(KeywordsEnricher(init_of(descriptor(), {{"min_documents", -1}})), sdk::StageError);
}

TEST(Keywords, Descriptor) {
  EXPECT_STREQ(descriptor()->name, "keywords");
  EXPECT_TRUE(descriptor()->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::keywords
