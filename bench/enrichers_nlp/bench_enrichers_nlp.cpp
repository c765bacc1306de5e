// bench_enrichers_nlp [SECONDS]: the cost of the `entities` and `quotes`
// enrichers per article, single-threaded, on
//  - the seed article (about 4.5 KB), and
//  - generated 4 KB articles: news-like paragraphs recombined from a
//    phrase bank with varying names, so no two articles are alike.
// Prints µs per article for each enricher and for both, and articles/s.
// Each figure is the best of five runs of about SECONDS/5 (default 2 s) of
// this thread's CPU time, so other processes on a busy machine inflate it
// less than wall-clock time would.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "entities_enricher.hpp"
#include "quotes_enricher.hpp"
#include "seed_article.hpp"

namespace {

using namespace sluice;
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

sdk::StageInit entities_init() {
  sdk::StageInit init;
  init.name = "entities";
  init.options = sdk::Options(sdk::Map{{"types", sdk::List{"PERSON", "ORG", "LOCATION", "MISC"}},
                                       {"title", true},
                                       {"caption", true},
                                       {"min_mentions", std::int64_t{1}},
                                       {"gazetteer", ""}});
  return init;
}

sdk::StageInit quotes_init() {
  sdk::StageInit init;
  init.name = "quotes";
  init.options = sdk::Options(sdk::Map{{"scare_max_words", std::int64_t{3}}, {"scare_quotes", true}});
  return init;
}

// News-like paragraphs with names, quotes and places, about 4 KB each.
std::vector<sdk::Article> generated(std::size_t count) {
  const char* people[] = {"Maria Lopez", "Dmitry Volkov",   "Chen Wei",    "Amina Yusuf",
                          "John Carter", "Olena Kovalenko", "Rahul Mehta", "Sophie Martin"};
  const char* places[] = {"Kyiv", "Beijing", "Nairobi", "Berlin", "Washington", "Tokyo", "Brazil", "Iran"};
  const char* orgs[] = {"the United Nations",
                        "the European Commission",
                        "Reuters",
                        "the World Bank",
                        "the Carnegie Endowment for International Peace",
                        "NATO",
                        "the Kremlin"};
  std::mt19937 rng(42);
  auto pick = [&](auto& arr) { return std::string(arr[rng() % (sizeof arr / sizeof arr[0])]); };
  std::vector<sdk::Article> out;
  for (std::size_t i = 0; i < count; ++i) {
    sdk::Article a;
    a.caption = pick(people) + " speaks to reporters in " + pick(places) + " - AFP";
    std::size_t bytes = 0;
    while (bytes < 4096) {
      std::string p;
      switch (rng() % 5) {
        case 0:
          p = "“We will not accept any deal that ignores the needs of ordinary people,” said " +
              pick(people) + ", a senior adviser to " + pick(orgs) + ", on Tuesday.";
          break;
        case 1:
          p = "Mr " + std::string(pick(people)).substr(pick(people).find(' ') + 1) + " told reporters in " +
              pick(places) + ": “The situation is serious and getting worse by the day.”";
          break;
        case 2:
          p = "According to " + pick(orgs) + ", talks between " + pick(places) + " and " + pick(places) +
              " stalled last week after officials described the offer as “unrealistic” and walked out.";
          break;
        case 3:
          p = "The Russian and Ukrainian delegations met in " + pick(places) +
              " under the auspices of the UN Security Council, while analysts at " + pick(orgs) +
              " warned that the agreement could collapse within months.";
          break;
        default:
          p = "“It is a difficult moment for everyone involved,” she added, noting that " + pick(people) +
              " had travelled to " + pick(places) + " earlier in the year to meet business leaders.";
      }
      bytes += p.size();
      a.body.push_back(std::move(p));
    }
    out.push_back(std::move(a));
  }
  return out;
}

// Best-of-five µs per article for `fn` over `articles`.
template <class Fn>
double us_per_article(std::vector<sdk::Article>& articles, double seconds, Fn fn) {
  double best = 1e300;
  for (int round = 0; round < 5; ++round) {
    std::size_t n = 0;
    const double start = cpu_seconds();
    double elapsed = 0;
    do {
      for (auto& a : articles) fn(a);
      n += articles.size();
      elapsed = cpu_seconds() - start;
    } while (elapsed < seconds / 5);
    best = std::min(best, elapsed * 1e6 / static_cast<double>(n));
  }
  return best;
}

void run(const char* label, std::vector<sdk::Article> articles, double seconds) {
  plugins::entities::EntitiesEnricher entities(entities_init());
  plugins::quotes::QuotesEnricher quotes(quotes_init());
  std::size_t bytes = 0;
  for (const auto& a : articles)
    for (const auto& p : a.body) bytes += p.size();
  auto plain = articles;  // for quotes without entities (fallback path)
  const double e = us_per_article(articles, seconds, [&](sdk::Article& a) { entities.enrich(a); });
  // `articles` now carry entities, as after an `entities` stage.
  const double q = us_per_article(articles, seconds, [&](sdk::Article& a) { quotes.enrich(a); });
  const double qf = us_per_article(plain, seconds, [&](sdk::Article& a) {
    a.entities.clear();
    quotes.enrich(a);
  });
  std::printf(
      "%-22s %6zu B/article  entities %7.1f µs  quotes %6.1f µs (alone %6.1f µs)  both %7.1f µs  "
      "= %8.0f articles/s\n",
      label, bytes / articles.size(), e, q, qf, e + q, 1e6 / (e + q));
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  const auto seed = plugins::nlp::testing::seed_article(plugins::nlp::testing::seed_path());
  run("seed article", std::vector<sdk::Article>(16, seed), seconds);
  run("generated 4 KB", generated(64), seconds);
  return 0;
}
