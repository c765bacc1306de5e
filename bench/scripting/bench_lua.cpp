// bench_lua [ARTICLES] [ROUNDS]: what a scripted stage (the `lua` enricher)
// costs per article, next to the same logic as a C++ enricher (issue 17).
//
// Articles: the end-to-end benchmark's generated ~4 KB articles (corpus
// seed 42), parsed by the real seed_text parser. Stages are made through
// their descriptors, as the host makes them, with default limits. Each
// round times ARTICLES enrich() calls per stage (wall clock and this
// thread's CPU time); the figures printed are the medians over ROUNDS
// rounds, since the machine may be shared.
//
//  - lua no-op: `function process(article) end`, i.e. the cost a scripted
//    stage adds to a chain: the article to a table, the call, the table back.
//  - tagging: read title and body, three pattern matches, set two fields;
//    as a Lua script with Lua patterns, as a Lua script with sluice.re
//    (PCRE2), and as C++ with PCRE2 (JIT).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../corpus/article_text.hpp"
#include "seed_text_parser.hpp"
#include "sluice/sdk/testing/options.hpp"

namespace sluice::plugins::seed_text {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::lua {
const sluice_plugin_descriptor* descriptor();
}

namespace {

using namespace sluice;

const char* const kNoop = "function process(article) end";

// The three patterns: in Lua pattern syntax here, as regexes below.
const char* const kTagLuaPatterns = R"(
local function mentions(article, pattern)
  if article.title:find(pattern) then return true end
  for _, paragraph in ipairs(article.body) do
    if paragraph:find(pattern) then return true end
  end
  return false
end
function process(article)
  local politics = mentions(article, "[Mm]inister") or mentions(article, "[Gg]overnment")
  article.fields.topic = politics and "politics" or "general"
  article.fields.has_figures = mentions(article, "%d+ per ?cent")
end
)";

const char* const kTagLuaRegex = R"(
local test = sluice.re.test
local function mentions(article, pattern)
  if test(article.title, pattern) then return true end
  for _, paragraph in ipairs(article.body) do
    if test(paragraph, pattern) then return true end
  end
  return false
end
function process(article)
  local politics = mentions(article, "[Mm]inister") or mentions(article, "[Gg]overnment")
  article.fields.topic = politics and "politics" or "general"
  article.fields.has_figures = mentions(article, "\\d+ per ?cent")
end
)";

// The same logic in C++: PCRE2 with JIT, as sluice.re compiles it.
class CxxTagger {
 public:
  CxxTagger()
      : minister_(compile("[Mm]inister")),
        government_(compile("[Gg]overnment")),
        figures_(compile("\\d+ per ?cent")) {}
  ~CxxTagger() {
    for (auto* c : {minister_, government_, figures_}) pcre2_code_free(c);
    pcre2_match_data_free(match_);
  }
  void enrich(sdk::Article& a) {
    const bool politics = mentions(a, minister_) || mentions(a, government_);
    a.fields["topic"] = politics ? "politics" : "general";
    a.fields["has_figures"] = mentions(a, figures_);
  }

 private:
  static pcre2_code* compile(const char* pattern) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    auto* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern), PCRE2_ZERO_TERMINATED,
                               PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &error, &offset, nullptr);
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return code;
  }
  bool test(const std::string& s, pcre2_code* code) {
    return pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), 0, 0, match_, nullptr) > 0;
  }
  bool mentions(const sdk::Article& a, pcre2_code* code) {
    if (test(a.title, code)) return true;
    return std::any_of(a.body.begin(), a.body.end(), [&](const std::string& p) { return test(p, code); });
  }
  pcre2_code *minister_, *government_, *figures_;
  pcre2_match_data* match_ = pcre2_match_data_create(4, nullptr);
};

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

struct Figure {
  double wall_us = 0, cpu_us = 0;  // per article, medians over rounds
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

Figure measure(std::vector<sdk::Article>& articles, int rounds,
               const std::function<void(sdk::Article&)>& enrich) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < rounds; ++r) {
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_us();
    for (auto& a : articles) enrich(a);
    const double c = thread_cpu_us() - c0;
    const double w = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - w0).count();
    wall.push_back(w / static_cast<double>(articles.size()));
    cpu.push_back(c / static_cast<double>(articles.size()));
  }
  return {median(wall), median(cpu)};
}

// A `lua` enricher made through its descriptor, with `source` inline.
struct LuaStage {
  explicit LuaStage(const char* source) : d(plugins::lua::descriptor()) {
    sdk::StageInit init;
    init.pipeline = "bench";
    init.name = "lua";
    init.options = sdk::testing::make_options(*d, {{"source", source}});
    object = d->create(&init);
    enricher = dynamic_cast<sdk::Enricher*>(static_cast<sdk::Stage*>(object));
  }
  ~LuaStage() { d->destroy(object); }
  LuaStage(const LuaStage&) = delete;
  LuaStage& operator=(const LuaStage&) = delete;
  const sluice_plugin_descriptor* d;
  void* object;
  sdk::Enricher* enricher;
};

void print(const char* name, const Figure& f) {
  std::printf("%-34s %10.2f %10.2f %14.0f\n", name, f.wall_us, f.cpu_us, 1e6 / f.cpu_us);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 7;
  if (n == 0 || rounds <= 0) {
    std::fprintf(stderr, "usage: %s [ARTICLES] [ROUNDS]\n", argv[0]);
    return 2;
  }
  sdk::StageInit parser_init;
  parser_init.options = sdk::testing::make_options(*plugins::seed_text::descriptor(), {});
  const plugins::seed_text::SeedTextParser parser(parser_init);
  std::vector<sdk::Article> articles;
  std::size_t bytes = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    sdk::RawDocument doc;
    bench::append_seed_article(doc.bytes, 42, i);
    doc.uri = doc.key = "file:///bench/" + std::to_string(i) + ".txt";
    doc.content_type = "text/plain";
    bytes += doc.bytes.size();
    articles.push_back(parser.to_article(doc));
  }
  std::printf("%zu articles of %zu bytes on average; medians of %d rounds\n\n", n, bytes / n, rounds);
  std::printf("%-34s %10s %10s %14s\n", "stage", "wall us/art", "cpu us/art", "articles/s/core");

  {
    LuaStage noop(kNoop);
    print("lua no-op (added to any chain)",
          measure(articles, rounds, [&](sdk::Article& a) { noop.enricher->enrich(a); }));
  }
  {
    LuaStage tag(kTagLuaPatterns);
    print("tagging, Lua script (Lua patterns)",
          measure(articles, rounds, [&](sdk::Article& a) { tag.enricher->enrich(a); }));
  }
  {
    LuaStage tag(kTagLuaRegex);
    print("tagging, Lua script (sluice.re)",
          measure(articles, rounds, [&](sdk::Article& a) { tag.enricher->enrich(a); }));
  }
  {
    CxxTagger tag;
    print("tagging, C++ (PCRE2 JIT)", measure(articles, rounds, [&](sdk::Article& a) { tag.enrich(a); }));
  }
  std::printf("\ntargets (issue 17): no-op <= 3 us/article; tagging >= 100000 articles/s per core\n");
  return 0;
}
