// bench_enrichers [ARTICLES] [--chain]: what each enricher of the default
// pipeline costs per article, and what the nine cost together, on one core.
//
// The nine run in the order of config/seeds.toml (language ... dedup), as a
// chain, with their default options and a real state store (the host's
// StateDb on a temporary file, committed every 256 articles as the host
// commits a batch), on
//  - generated ~4 KB articles: the corpus of the end-to-end benchmark
//    (bench_gen_corpus, corpus seed 42), parsed by the real seed_text parser;
//  - the seed article, parsed the same way, under ARTICLES distinct ids.
// Each enricher's figure is this thread's CPU time inside its enrich() calls
// over ARTICLES articles (default 5000), in microseconds per article; CPU
// time, so that neighbours on a busy machine inflate it less than wall-clock
// time would. The state store starts empty, as in a first `sluice run`.
//
// --chain runs only the generated articles, for profilers
// (valgrind --tool=callgrind bin/bench_enrichers 1000 --chain).
#include <time.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../corpus/article_text.hpp"
#include "seed_text_parser.hpp"
#include "sluice/host/state_db.hpp"
#include "sluice/sdk/testing/options.hpp"
#include "sluice/text_stats/testing.hpp"

#define SLUICE_DECLARE_DESCRIPTOR(name)         \
  namespace sluice::plugins::name {             \
  const sluice_plugin_descriptor* descriptor(); \
  }
SLUICE_DECLARE_DESCRIPTOR(seed_text)
SLUICE_DECLARE_DESCRIPTOR(language)
SLUICE_DECLARE_DESCRIPTOR(entities)
SLUICE_DECLARE_DESCRIPTOR(quotes)
SLUICE_DECLARE_DESCRIPTOR(keywords)
SLUICE_DECLARE_DESCRIPTOR(dates)
SLUICE_DECLARE_DESCRIPTOR(places)
SLUICE_DECLARE_DESCRIPTOR(readability)
SLUICE_DECLARE_DESCRIPTOR(summary)
SLUICE_DECLARE_DESCRIPTOR(dedup)

namespace {

using namespace sluice;
using plugins::text_stats::testing::init_of;

// The default pipeline's enrichers, in its order (config/seeds.toml).
const std::array<const sluice_plugin_descriptor* (*)(), 9> kChain = {
    plugins::language::descriptor,    plugins::entities::descriptor, plugins::quotes::descriptor,
    plugins::keywords::descriptor,    plugins::dates::descriptor,    plugins::places::descriptor,
    plugins::readability::descriptor, plugins::summary::descriptor,  plugins::dedup::descriptor};
constexpr std::size_t kBatch = 256;  // the host's default batch_size

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// An enricher made through its descriptor, as the host makes it.
struct Stage {
  const sluice_plugin_descriptor* descriptor;
  void* object;
  sdk::Enricher* enricher;
  ~Stage() { descriptor->destroy(object); }
};

std::vector<std::unique_ptr<Stage>> make_chain(sdk::StateStore* state) {
  std::vector<std::unique_ptr<Stage>> chain;
  for (const auto descriptor : kChain) {
    const sluice_plugin_descriptor* d = descriptor();
    const sdk::StageInit init = init_of(d, {}, state);
    void* object = d->create(&init);
    auto* enricher = dynamic_cast<sdk::Enricher*>(static_cast<sdk::Stage*>(object));
    if (enricher == nullptr) throw std::runtime_error(std::string(d->name) + " is not an enricher");
    chain.push_back(std::unique_ptr<Stage>(new Stage{d, object, enricher}));
  }
  return chain;
}

sdk::Article parse(const plugins::seed_text::SeedTextParser& parser, std::string text, std::string uri) {
  sdk::RawDocument doc;
  doc.uri = std::move(uri);
  doc.key = doc.uri;
  doc.content_type = "text/plain";
  doc.bytes = std::move(text);
  return parser.to_article(doc);
}

struct Result {
  std::array<double, kChain.size()> us{};  // per enricher, per article
  double total() const {
    double t = 0;
    for (const double u : us) t += u;
    return t;
  }
};

// Runs `articles` (copied first, outside the clock) through a fresh chain
// with a fresh state database, timing each enricher on its own.
Result run_chain(const std::vector<sdk::Article>& articles, const std::filesystem::path& db_file) {
  std::filesystem::remove(db_file);
  std::filesystem::remove(db_file.string() + "-wal");
  std::filesystem::remove(db_file.string() + "-shm");
  Result r;
  {
    host::StateDb db(db_file);
    auto chain = make_chain(db.store());
    std::vector<sdk::Article> work = articles;
    for (std::size_t i = 0; i < work.size(); ++i) {
      for (std::size_t s = 0; s < chain.size(); ++s) {
        const double start = thread_cpu_us();
        chain[s]->enricher->enrich(work[i]);
        r.us[s] += thread_cpu_us() - start;
      }
      if (i % kBatch == kBatch - 1) db.flush();
    }
    db.flush();
    for (double& u : r.us) u /= static_cast<double>(work.size());
  }
  std::filesystem::remove(db_file);
  return r;
}

// The first `entities` stage of a process parses the compiled-in NER model
// (shared by every later instance) and builds its gazetteers; a second
// instance only builds the gazetteers. The difference is the model load.
void print_entities_startup() {
  const sluice_plugin_descriptor* d = plugins::entities::descriptor();
  const char* what[] = {"entities: first instance (model load + gazetteers)",
                        "entities: second instance (gazetteers only)"};
  for (const char* w : what) {
    const sdk::StageInit init = init_of(d, {}, nullptr);
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_us();
    void* object = d->create(&init);
    const double cpu = thread_cpu_us() - c0;
    const double wall =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    d->destroy(object);
    std::printf("%-52s %8.2f ms CPU %8.2f ms wall\n", w, cpu / 1e3, wall / 1e3);
  }
  std::printf("(target: model load <= 50 ms, issue 19)\n\n");
}

std::size_t body_bytes(const std::vector<sdk::Article>& articles) {
  std::size_t bytes = 0;
  for (const auto& a : articles)
    for (const auto& p : a.body) bytes += p.size();
  return bytes / articles.size();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 5000;
  const bool chain_only = argc > 2 && std::string(argv[2]) == "--chain";
  if (n == 0) {
    std::fprintf(stderr, "usage: %s [ARTICLES] [--chain]\n", argv[0]);
    return 2;
  }
  if (!chain_only) print_entities_startup();
  const plugins::seed_text::SeedTextParser parser(init_of(plugins::seed_text::descriptor()));

  std::vector<sdk::Article> generated;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string text;
    bench::append_seed_article(text, 42, i);
    generated.push_back(parse(parser, std::move(text), "file:///bench/" + std::to_string(i) + ".txt"));
  }
  const std::filesystem::path db_file =
      std::filesystem::temp_directory_path() / ("bench_enrichers." + std::to_string(::getpid()) + ".db");
  const Result gen = run_chain(generated, db_file);
  if (chain_only) {
    std::printf("chain of nine on generated articles: %.1f us/article = %.0f articles/s per core\n",
                gen.total(), 1e6 / gen.total());
    return 0;
  }

  const std::string seed_text =
      plugins::text_stats::testing::slurp(SLUICE_SOURCE_DIR "/seeds/000_42c6fa3853cb70aa.txt");
  std::vector<sdk::Article> seed;
  for (std::size_t i = 0; i < n; ++i) {
    seed.push_back(parse(parser, seed_text, "file:///bench/seed-" + std::to_string(i) + ".txt"));
  }
  const Result once = run_chain(seed, db_file);

  std::printf("%zu articles per column; body bytes per article: generated %zu, seed %zu\n\n", n,
              body_bytes(generated), body_bytes(seed));
  std::printf("%-14s %18s %12s\n", "enricher", "generated us/art", "seed us/art");
  for (std::size_t s = 0; s < kChain.size(); ++s) {
    std::printf("%-14s %18.1f %12.1f\n", kChain[s]()->name, gen.us[s], once.us[s]);
  }
  std::printf("%-14s %18.1f %12.1f\n", "all nine", gen.total(), once.total());
  std::printf("%-14s %18.0f %12.0f\n", "articles/s", 1e6 / gen.total(), 1e6 / once.total());
  std::printf(
      "(per core: CPU time of one thread; target >= 2000 articles/s on 4 KB articles, issue 5;\n"
      " entities <= 150 us per 4 KB article, issue 19)\n");
  return 0;
}
