// html_eval: runs the `html` parser plugin over annotated pages and prints
// how much of the article text it found and how much boilerplate it let in.
// See README.md; run.sh runs it over the development data.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "eval_data.hpp"
#include "eval_run.hpp"
#include "scoring.hpp"

namespace {

namespace fs = std::filesystem;
using namespace sluice::bench::html_eval;

constexpr const char* kUsage = R"(usage: html_eval (--evaldata FILE | --gold FILE) --pages DIR [options]

  --evaldata FILE   trafilatura-style annotations: {"<url>": {"file", "with", "without", ...}}
  --gold FILE       full gold text: {"<id>": {"articleBody": "..."}}, pages at DIR/<id>.html
  --pages DIR       where the page files are (repeatable; searched in order)
  --split S         all (default), dev, or heldout: which pages to run
  --option K=V      an html parser option, e.g. favor=precision (repeatable)
  --plugin-dir DIR  where html.so is (default: the build tree's plugins/)
  --workers N       pipeline workers (default 2)
  --worst N         list the N development pages with the most errors
  --dump DIR        write each development page's text and its misses to DIR

Held-out pages (XXH3 of the id is 0 mod 5) are scored but never listed or
dumped, so tuning cannot look at them.
)";

struct Args {
  fs::path evaldata, gold, plugin_dir, dump;
  std::vector<fs::path> pages;
  std::vector<std::string> options;
  std::string split = "all";
  unsigned workers = 2;
  std::size_t worst = 0;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "html_eval: " << message << "\n\n" << kUsage;
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) usage_error("missing value after " + arg);
    const std::string value = argv[++i];
    if (arg == "--evaldata")
      a.evaldata = value;
    else if (arg == "--gold")
      a.gold = value;
    else if (arg == "--pages")
      a.pages.emplace_back(value);
    else if (arg == "--split")
      a.split = value;
    else if (arg == "--option")
      a.options.push_back(value);
    else if (arg == "--plugin-dir")
      a.plugin_dir = value;
    else if (arg == "--workers")
      a.workers = static_cast<unsigned>(std::stoul(value));
    else if (arg == "--worst")
      a.worst = std::stoul(value);
    else if (arg == "--dump")
      a.dump = value;
    else
      usage_error("unknown argument " + arg);
  }
  if (a.evaldata.empty() == a.gold.empty()) usage_error("give exactly one of --evaldata and --gold");
  if (a.pages.empty()) usage_error("--pages is required");
  if (a.split != "all" && a.split != "dev" && a.split != "heldout")
    usage_error("--split is all, dev or heldout");
  return a;
}

std::string body_text(const Extraction& e) {
  std::string text;
  for (const auto& p : e.article.body) {
    if (!text.empty()) text.push_back('\n');
    text += p;
  }
  return text;
}

// One page's scores.
struct PageResult {
  const EvalPage* page = nullptr;
  const Extraction* extraction = nullptr;
  SegmentCounts segments;
  bool has_gold = false;
  ShingleCounts shingles;
};

struct Totals {
  std::size_t pages = 0;
  SegmentCounts segments;
  std::vector<ShingleCounts> shingles;
  std::size_t title_n = 0, title_ok = 0, date_n = 0, date_ok = 0, author_n = 0, author_ok = 0;
};

void add_metadata(const PageResult& r, Totals& t) {
  const auto& gold = *r.page;
  const auto& a = r.extraction->article;
  if (!gold.title.empty()) {
    ++t.title_n;
    t.title_ok += normalize_space(gold.title) == a.title;
  }
  if (gold.date.size() >= 10) {
    ++t.date_n;
    const std::string day = gold.date.substr(0, 10);
    // published is in UTC; the page's own (local) day is in published_raw.
    t.date_ok += a.published.starts_with(day) || a.published_raw.starts_with(day);
  }
  if (!gold.author.empty()) {
    ++t.author_n;
    const std::string g = normalize_space(gold.author);
    t.author_ok += !a.authors.empty() && (g.find(a.authors.front()) != std::string::npos ||
                                          a.authors.front().find(g) != std::string::npos);
  }
}

void print_row(const char* name, const Totals& t) {
  const SegmentCounts& s = t.segments;
  std::printf("%-9s %6zu %6zu %6zu %8zu %6zu   %9.3f %7.3f %7.3f\n", name, t.pages, s.tp + s.fn, s.tp,
              s.fp + s.tn, s.fp, s.precision(), s.recall(), s.f1());
}

void print_shingles(const char* name, const Totals& t) {
  if (t.shingles.empty()) return;
  const ShingleSummary s = summarize(t.shingles);
  std::printf("%-9s %6zu pages with gold text   precision %.3f  recall %.3f  F1 %.3f\n", name, s.pages,
              s.precision, s.recall, s.f1);
}

void print_metadata(const char* name, const Totals& t) {
  std::printf("%-9s", name);
  const auto field = [](const char* what, std::size_t ok, std::size_t n) {
    if (n > 0) std::printf("  %s %.3f (%zu)", what, static_cast<double>(ok) / static_cast<double>(n), n);
  };
  field("title", t.title_ok, t.title_n);
  field("date", t.date_ok, t.date_n);
  field("author", t.author_ok, t.author_n);
  std::printf("\n");
}

void dump_page(const fs::path& dir, const PageResult& r, const std::string& text) {
  std::ofstream out(dir / (r.page->file.stem().string() + ".txt"));
  out << "# " << r.page->id
      << "\n# source: " << r.extraction->article.fields.find("html_body_source")->as_string()
      << "\n# title: " << r.extraction->article.title << "\n# published: " << r.extraction->article.published
      << " (" << r.extraction->article.published_raw << ")\n# authors: ";
  for (const auto& a : r.extraction->article.authors) out << a << "; ";
  out << "\n\n" << text << "\n\n";
  const std::string flat = normalize_space(text);
  for (const auto& s : r.page->with) {
    if (flat.find(normalize_space(s)) == std::string::npos) out << "--- MISSING: " << s << "\n";
  }
  for (const auto& s : r.page->without) {
    if (flat.find(normalize_space(s)) != std::string::npos) out << "--- UNWANTED: " << s << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) try {
  const Args args = parse_args(argc, argv);
  std::vector<std::string> missing;
  std::vector<EvalPage> pages = args.gold.empty() ? read_evaldata(args.evaldata, args.pages, missing)
                                                  : read_ground_truth(args.gold, args.pages.front(), missing);
  std::erase_if(pages, [&](const EvalPage& p) {
    return (args.split == "dev" && is_held_out(p)) || (args.split == "heldout" && !is_held_out(p));
  });
  if (pages.empty()) {
    std::cerr << "html_eval: no pages to evaluate\n";
    return 1;
  }
  std::vector<fs::path> files;
  for (const auto& p : pages) files.push_back(p.file);
  const RunOutcome run = run_parser(files, args.options, args.plugin_dir, args.workers);

  std::vector<PageResult> results;
  Totals dev, held, all;
  std::size_t failures = 0;
  const Extraction failed_page;  // a page the parser failed: nothing extracted
  if (!args.dump.empty()) fs::create_directories(args.dump);
  for (const auto& page : pages) {
    PageResult r;
    r.page = &page;
    const auto it = run.by_file.find(page.file.string());
    r.extraction = it == run.by_file.end() ? &failed_page : &it->second;
    if (!r.extraction->ok) {
      ++failures;
      std::cerr << "html_eval: " << page.file.string() << ": "
                << (r.extraction->error.empty() ? "no article" : r.extraction->error) << "\n";
    }
    const std::string text = body_text(*r.extraction);
    r.segments = score_segments(normalize_space(text), page.with, page.without);
    if (page.gold) {
      r.has_gold = true;
      r.shingles = score_shingles(*page.gold, text);
    }
    const bool held_out = is_held_out(page);
    for (Totals* t : {held_out ? &held : &dev, &all}) {
      ++t->pages;
      t->segments.add(r.segments);
      if (r.has_gold) t->shingles.push_back(r.shingles);
      if (r.extraction->ok) add_metadata(r, *t);
    }
    if (!held_out && !args.dump.empty() && r.extraction->ok) dump_page(args.dump, r, text);
    results.push_back(r);
  }

  std::printf("html_eval: %zu pages (%zu held out), %u workers, options:", all.pages, held.pages,
              run.workers);
  for (const auto& o : args.options) std::printf(" %s", o.c_str());
  std::printf("%s\n", args.options.empty() ? " (defaults)" : "");
  if (!missing.empty()) std::printf("  %zu annotated pages have no file and were skipped\n", missing.size());
  if (all.segments.tp + all.segments.fn + all.segments.fp + all.segments.tn > 0) {
    std::printf("\nsegments   pages   with  found  without  found   precision  recall      F1\n");
    if (dev.pages) print_row("dev", dev);
    if (held.pages) print_row("held-out", held);
    print_row("all", all);
  }
  if (!all.shingles.empty()) {
    std::printf("\nword 4-gram shingles\n");
    if (dev.pages) print_shingles("dev", dev);
    if (held.pages) print_shingles("held-out", held);
    print_shingles("all", all);
  }
  if (all.title_n + all.date_n + all.author_n > 0) {
    std::printf("\nmetadata agreement with the annotations (pages that have them)\n");
    if (dev.pages) print_metadata("dev", dev);
    if (held.pages) print_metadata("held-out", held);
    print_metadata("all", all);
  }
  // Parser wall time stretches when other processes compete for the
  // cores; CPU time (the whole run: reading files and the host included)
  // is the steadier figure.
  const double mb = static_cast<double>(run.bytes) / 1e6;
  const auto rate = [mb](double seconds) { return seconds > 0 ? mb / seconds : 0.0; };
  std::printf(
      "\nspeed: %.1f MB; CPU %.2f s: %.1f MB/s per core; parser wall time %.2f s: %.1f MB/s per worker "
      "(%u workers, run %.2f s)\n",
      mb, run.cpu_seconds, rate(run.cpu_seconds), run.parser_seconds, rate(run.parser_seconds), run.workers,
      run.wall_seconds);
  std::printf("failures: %zu\n", failures);

  if (args.worst > 0) {
    std::vector<const PageResult*> dev_results;
    for (const auto& r : results) {
      if (!is_held_out(*r.page)) dev_results.push_back(&r);
    }
    const auto errors = [](const PageResult* r) {
      return static_cast<double>(r->segments.fn + r->segments.fp) +
             (r->has_gold ? 1.0 - r->shingles.tp : 0.0);
    };
    std::stable_sort(dev_results.begin(), dev_results.end(),
                     [&](auto* a, auto* b) { return errors(a) > errors(b); });
    std::printf("\nworst development pages (missed with + found without)\n");
    for (std::size_t i = 0; i < std::min(args.worst, dev_results.size()); ++i) {
      const PageResult& r = *dev_results[i];
      std::printf("  %zu missed, %zu unwanted  %s\n", r.segments.fn, r.segments.fp,
                  r.page->file.filename().c_str());
    }
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "html_eval: " << e.what() << "\n";
  return 1;
}
