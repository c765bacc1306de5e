// Prints the cost of each of the seven text enrichers in microseconds of
// CPU per article, on the seed article and on generated 4 KB articles, and what the
// seven cost together (articles per second on one core).
//
//   bench_enrichers_misc [ARTICLES] [--chain]
//
// ARTICLES per measurement (default 2000); --chain runs only the chain of
// seven on generated articles, for profilers (valgrind --tool=callgrind).
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dates_enricher.hpp"
#include "dedup_enricher.hpp"
#include "generated_text.hpp"
#include "keywords_enricher.hpp"
#include "language_enricher.hpp"
#include "places_enricher.hpp"
#include "readability_enricher.hpp"
#include "sluice/text_stats/testing.hpp"
#include "summary_enricher.hpp"

namespace sluice::plugins {
namespace keywords {
const sluice_plugin_descriptor* descriptor();
}
namespace language {
const sluice_plugin_descriptor* descriptor();
}
namespace dates {
const sluice_plugin_descriptor* descriptor();
}
namespace dedup {
const sluice_plugin_descriptor* descriptor();
}
namespace readability {
const sluice_plugin_descriptor* descriptor();
}
namespace summary {
const sluice_plugin_descriptor* descriptor();
}
namespace places {
const sluice_plugin_descriptor* descriptor();
}
}  // namespace sluice::plugins

namespace {

using namespace sluice;
using plugins::text_stats::testing::init_of;
using plugins::text_stats::testing::MemoryState;

struct Stage {
  std::string name;
  std::function<std::unique_ptr<sdk::Enricher>(sdk::StateStore*)> make;
};

template <class T>
Stage stage(const char* name, const sluice_plugin_descriptor* (*descriptor)()) {
  return {name, [descriptor](sdk::StateStore* state) -> std::unique_ptr<sdk::Enricher> {
            return std::make_unique<T>(init_of(descriptor(), {}, state));
          }};
}

// CPU time of this thread, so that the figures are per core even on a
// machine busy with other work (wall-clock time would count the time the
// scheduler gave to other processes).
double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Microseconds of CPU per article for `run` over fresh copies of `inputs`
// (copying is done before the clock starts).
double time_per_article(const std::vector<sdk::Article>& inputs, std::size_t n,
                        const std::function<void(sdk::Article&)>& run) {
  std::vector<sdk::Article> work;
  work.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    work.push_back(inputs[i % inputs.size()]);
    work.back().id = "article-";  // distinct ids, as real articles have
    work.back().id.append(std::to_string(i));
  }
  const double start = thread_cpu_us();
  for (auto& a : work) run(a);
  return (thread_cpu_us() - start) / static_cast<double>(n);
}

void print_table(const std::vector<Stage>& stages, const std::vector<sdk::Article>& seed,
                 const std::vector<sdk::Article>& generated, std::size_t n) {
  std::size_t seed_bytes = 0, gen_bytes = 0;
  for (const auto& p : seed[0].body) seed_bytes += p.size();
  for (const auto& a : generated) {
    for (const auto& p : a.body) gen_bytes += p.size();
  }
  std::printf("%zu articles per measurement; seed body %zu bytes, generated bodies %zu bytes on average\n\n",
              n, seed_bytes, gen_bytes / generated.size());
  std::printf("%-24s %14s %18s\n", "enricher", "seed us/art", "generated us/art");
  double total_seed = 0, total_gen = 0;
  const auto row = [&](const std::string& name, sdk::StateStore* state, const Stage& s, bool add) {
    auto e1 = s.make(state);
    const double a = time_per_article(seed, n, [&](sdk::Article& x) { e1->enrich(x); });
    auto e2 = s.make(state);
    const double b = time_per_article(generated, n, [&](sdk::Article& x) { e2->enrich(x); });
    std::printf("%-24s %14.1f %18.1f\n", name.c_str(), a, b);
    if (add) {
      total_seed += a;
      total_gen += b;
    }
  };
  for (const Stage& s : stages) row(s.name, nullptr, s, true);
  std::printf("%-24s %14.1f %18.1f\n", "all seven", total_seed, total_gen);
  std::printf("%-24s %14.0f %18.0f\n\n", "  articles/s per core", 1e6 / total_seed, 1e6 / total_gen);

  // With a state store (in memory here; the host's is a database), keywords
  // keeps document frequencies and dedup its buckets there.
  for (const Stage& s : stages) {
    if (s.name != "keywords" && s.name != "dedup") continue;
    MemoryState state;
    std::string name = s.name;
    name.append(" (state store)");
    row(name, &state, s, false);
  }
}

// The seven in a chain, as a pipeline runs them, on the generated articles.
void run_chain(const std::vector<Stage>& stages, const std::vector<sdk::Article>& generated, std::size_t n) {
  std::vector<std::unique_ptr<sdk::Enricher>> chain;
  for (const Stage& s : stages) chain.push_back(s.make(nullptr));
  const double chained = time_per_article(generated, n, [&](sdk::Article& x) {
    for (auto& e : chain) e->enrich(x);
  });
  std::printf("\nchain of seven on generated 4 KB articles: %.1f us/article = %.0f articles/s per core\n",
              chained, 1e6 / chained);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  const bool chain_only = argc > 2 && std::string(argv[2]) == "--chain";
  const std::vector<sdk::Article> seed = {plugins::text_stats::testing::seed_article(SLUICE_SOURCE_DIR)};
  std::vector<sdk::Article> generated;
  for (std::uint64_t i = 0; i < 256; ++i) generated.push_back(bench::generated_article(i, 4096));
  const std::vector<Stage> stages = {
      stage<plugins::language::LanguageEnricher>("language", plugins::language::descriptor),
      stage<plugins::dates::DatesEnricher>("dates", plugins::dates::descriptor),
      stage<plugins::keywords::KeywordsEnricher>("keywords", plugins::keywords::descriptor),
      stage<plugins::dedup::DedupEnricher>("dedup", plugins::dedup::descriptor),
      stage<plugins::readability::ReadabilityEnricher>("readability", plugins::readability::descriptor),
      stage<plugins::summary::SummaryEnricher>("summary", plugins::summary::descriptor),
      stage<plugins::places::PlacesEnricher>("places", plugins::places::descriptor),
  };
  if (!chain_only) print_table(stages, seed, generated, n);
  run_chain(stages, generated, n);
  return 0;
}
