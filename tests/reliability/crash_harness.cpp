// Crash harness: runs `sluice run` over generated articles into JSONL and
// SQLite, kills it with SIGKILL at seeded random moments, restarts it each
// time, then runs it once more to the end and checks that every article is
// in each sink exactly once. Prints its figures; exit 0 = pass.
//
//   crash_harness [--articles N] [--kills K] [--seed S] [--batch-size B]
//                 [--workers W] [--dir DIR] [--keep] [--sluice CLI] [--plugin-dir DIR]
//
// Kill moments come from --seed alone: about one in five is a time after
// the start (0-80 ms: plugin loading, sink recovery, the listing), the rest
// wait until the JSONL file has grown by a random number of lines; half of
// those kill at once (between the JSONL write and the checkpoint, the
// narrowest window), half a random 0-20 ms later (inside the next write or
// the commit). The moments are reproducible; what the host is doing at each
// one varies with the machine.
//
// The chain is files -> seed_text -> jitter (a fixture enricher that spends
// 0-2 ms per article) -> jsonl + sqlite, on 4 workers: articles finish out
// of delivery order all the time, as they do with real enrichers.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

#include "child_process.hpp"
#include "corpus.hpp"
#include "delivery.hpp"
#include "fixture_paths.hpp"
#include "sluice/host/state_db.hpp"
#include "workspace.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using reliability::ChildProcess;
using reliability::ExitStatus;

struct Options {
  long articles = 2000;
  int kills = 20;
  unsigned seed = 1;
  int batch_size = 16;
  int workers = 4;
  fs::path dir;  // empty: a fresh temp dir, removed after a pass
  bool keep = false;
  // Another build (an ASan one, an older commit) can be put through it.
  fs::path sluice = reliability::cli_path();
  fs::path plugin_dir = reliability::builtin_plugin_dir();
  fs::path fixture_dir = reliability::fixture_plugin_dir();
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--articles")
      o.articles = std::stol(value());
    else if (a == "--kills")
      o.kills = std::stoi(value());
    else if (a == "--seed")
      o.seed = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--batch-size")
      o.batch_size = std::stoi(value());
    else if (a == "--workers")
      o.workers = std::stoi(value());
    else if (a == "--dir")
      o.dir = value();
    else if (a == "--keep")
      o.keep = true;
    else if (a == "--sluice")
      o.sluice = value();
    else if (a == "--plugin-dir")
      o.plugin_dir = value();
    else
      throw std::invalid_argument("unknown argument " + a);
  }
  if (o.articles < 1 || o.kills < 0 || o.batch_size < 1 || o.workers < 1)
    throw std::invalid_argument(
        "--articles, --batch-size and --workers must be positive, --kills not negative");
  return o;
}

// When to kill one run; drawn from the seeded generator only.
struct KillPlan {
  bool by_time = false;
  long delay_us = 0;  // after the start (by_time) or after the growth target
  long lines = 0;     // JSONL growth to wait for (progress kills)
};

KillPlan next_plan(std::mt19937& rng, const Options& o) {
  KillPlan k;
  k.by_time = rng() % 5 == 0;
  if (k.by_time) {
    k.delay_us = static_cast<long>(rng() % 80'000);
  } else {
    // At most articles/(2*kills) lines per kill, so the kills land well
    // before the work runs out, however fast the machine.
    const auto span = std::max<long>(1, o.articles / (2L * o.kills));
    k.lines = 1 + static_cast<long>(rng() % static_cast<unsigned long>(span));
    k.delay_us = rng() % 2 == 0 ? 0 : static_cast<long>(rng() % 20'000);
  }
  return k;
}

// Counts lines appended to a file that may also be cut back (sink recovery).
class GrowthWatch {
 public:
  explicit GrowthWatch(fs::path file) : file_(std::move(file)), mark_(size()) {}
  long lines() {
    const auto now = size();
    if (now < mark_) mark_ = now;  // recovery truncated it
    if (now > mark_) {
      std::ifstream in(file_, std::ios::binary);
      in.seekg(static_cast<std::streamoff>(mark_));
      std::string chunk(now - mark_, '\0');
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      chunk.resize(static_cast<std::size_t>(in.gcount()));
      lines_ += static_cast<long>(std::count(chunk.begin(), chunk.end(), '\n'));
      mark_ += chunk.size();
    }
    return lines_;
  }

 private:
  std::uintmax_t size() const {
    struct stat st {};
    return ::stat(file_.c_str(), &st) == 0 ? static_cast<std::uintmax_t>(st.st_size) : 0;
  }
  fs::path file_;
  std::uintmax_t mark_;
  long lines_ = 0;
};

struct Figures {
  int kills_by_time = 0, kills_by_progress = 0, ended_before_kill = 0, runs = 0;
  int cut_uncommitted = 0, cut_partial = 0;  // sink recoveries seen in the logs
};

std::vector<std::string> run_args(const Options& o, const fs::path& config) {
  return {o.sluice.string(), "run", config.string(), "--quiet"};
}

// One run killed according to `plan`. Returns how it ended.
ExitStatus killed_run(const Options& o, const fs::path& dir, const fs::path& config, const KillPlan& plan) {
  ChildProcess child(run_args(o, config), dir, dir / "runs.out", dir / "runs.err");
  GrowthWatch growth(dir / "out/articles.jsonl");
  const auto start = Clock::now();
  std::optional<Clock::time_point> kill_at;
  if (plan.by_time) kill_at = start + std::chrono::microseconds(plan.delay_us);
  for (;;) {
    if (auto ended = child.poll()) return *ended;
    if (!kill_at && growth.lines() >= plan.lines)
      kill_at = Clock::now() + std::chrono::microseconds(plan.delay_us);
    if (kill_at && Clock::now() >= *kill_at) {
      child.kill(SIGKILL);
      return child.wait();
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
}

int count_in(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string config_text(const Options& o) {
  return "[host]\nplugin_dirs = [" + reliability::toml_string(o.plugin_dir) + ", " +
         reliability::toml_string(o.fixture_dir) +
         "]\nstate = \"state/sluice.db\"\n\n"
         "[pipeline.crash]\nworkers = " +
         std::to_string(o.workers) + "\nbatch_size = " + std::to_string(o.batch_size) +
         "\n\n[[pipeline.crash.source]]\nplugin = \"files\"\npath = \"in\"\n"
         "\n[[pipeline.crash.parser]]\nplugin = \"seed_text\"\n"
         "\n[[pipeline.crash.enrich]]\nplugin = \"jitter\"\n"
         "\n[[pipeline.crash.sink]]\nplugin = \"jsonl\"\npath = \"out/articles.jsonl\"\nmode = \"append\"\n"
         "\n[[pipeline.crash.sink]]\nplugin = \"sqlite\"\npath = \"out/articles.db\"\n";
}

bool report_sink(const char* name, const reliability::Tally& t, const std::set<long>& expected) {
  const auto lost = t.lost(expected);
  const auto dup = t.duplicated();
  const auto extra = t.unexpected(expected);
  std::printf("  %-7s records %ld, distinct ids %ld, lost %zu, duplicated %zu", name,
              static_cast<long>(t.records), static_cast<long>(t.distinct_ids), lost.size(), dup.size());
  if (t.malformed) std::printf(", malformed lines %zu", t.malformed);
  std::printf("\n");
  if (!lost.empty()) std::printf("    lost markers %s\n", reliability::summarize(lost).c_str());
  if (!dup.empty()) std::printf("    duplicated markers %s\n", reliability::summarize(dup).c_str());
  if (!extra.empty()) std::printf("    unexpected markers %s\n", reliability::summarize(extra).c_str());
  return lost.empty() && dup.empty() && extra.empty() && t.malformed == 0 && t.unmarked == 0 &&
         t.records == expected.size() && t.distinct_ids == expected.size();
}

int harness(const Options& o) {
  const auto started = Clock::now();
  std::optional<sluice::testing::TempDir> tmp;
  if (o.dir.empty()) tmp.emplace();
  const fs::path dir = o.dir.empty() ? tmp->path() : o.dir;
  fs::create_directories(dir);
  reliability::write_corpus(dir / "in", o.articles);
  const auto config = dir / "crash.toml";
  std::ofstream(config) << config_text(o);
  std::printf("crash harness: %ld articles, %d kills, seed %u, batch_size %d, %d workers, in %s\n",
              o.articles, o.kills, o.seed, o.batch_size, o.workers, dir.c_str());

  std::mt19937 rng(o.seed);
  Figures f;
  const int max_runs = 3 * o.kills + 10;
  while (f.kills_by_time + f.kills_by_progress < o.kills) {
    if (f.runs == max_runs) {
      std::printf("FAIL: only %d of %d kills landed in %d runs (the work ran out first); use more articles\n",
                  f.kills_by_time + f.kills_by_progress, o.kills, f.runs);
      return 1;
    }
    const auto plan = next_plan(rng, o);
    const auto status = killed_run(o, dir, config, plan);
    ++f.runs;
    if (status.signal == SIGKILL) {
      ++(plan.by_time ? f.kills_by_time : f.kills_by_progress);
    } else if (status.code == 0) {
      ++f.ended_before_kill;
    } else {
      std::printf("FAIL: run %d ended with %s before its kill; see %s\n", f.runs, status.str().c_str(),
                  (dir / "runs.err").c_str());
      return 1;
    }
  }
  ChildProcess final_run(run_args(o, config), dir, dir / "final.out", dir / "final.err");
  const auto final_status = final_run.wait();
  ++f.runs;
  const auto errors =
      sluice::testing::read_file(dir / "runs.err") + sluice::testing::read_file(dir / "final.err");
  f.cut_uncommitted = count_in(errors, "written after the last checkpoint");
  f.cut_partial = count_in(errors, "of a partial last line");

  const auto expected = reliability::marker_range(o.articles);
  const auto jsonl = reliability::tally_jsonl(dir / "out/articles.jsonl");
  const auto sqlite = reliability::tally_sqlite(dir / "out/articles.db");
  const auto dead = sluice::host::StateDb(dir / "state/sluice.db").dead_letters().size();
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();

  std::printf("  kills   %d (%d at a random time, %d after random progress)\n",
              f.kills_by_time + f.kills_by_progress, f.kills_by_time, f.kills_by_progress);
  std::printf("  runs    %d (%d killed, %d ended before their kill, 1 final: %s)\n", f.runs,
              f.kills_by_time + f.kills_by_progress, f.ended_before_kill, final_status.str().c_str());
  std::printf("  jsonl recoveries: %d cut uncommitted batches, %d cut a partial line\n", f.cut_uncommitted,
              f.cut_partial);
  bool ok = final_status.code == 0;
  ok = report_sink("jsonl", jsonl, expected) && ok;
  ok = report_sink("sqlite", sqlite, expected) && ok;
  std::printf("  dead letters %zu\n", dead);
  ok = ok && dead == 0;
  const auto lost = std::max(jsonl.lost(expected).size(), sqlite.lost(expected).size());
  const auto duplicated = std::max(jsonl.duplicated().size(), sqlite.duplicated().size());
  std::printf("figures: kills %d, articles %ld, lost %zu, duplicated %zu, runs %d, wall %.1f s\n",
              f.kills_by_time + f.kills_by_progress, o.articles, lost, duplicated, f.runs, wall);
  std::printf(
      "%s (reproduce: crash_harness --articles %ld --kills %d --seed %u --batch-size %d --workers %d%s)\n",
      ok ? "PASS" : "FAIL", o.articles, o.kills, o.seed, o.batch_size, o.workers, ok ? "" : " --keep");
  if (!ok && tmp) {
    // Keep the evidence: move it out of the temp dir that is about to go.
    const auto kept = fs::temp_directory_path() /
                      ("sluice-crash-" + std::to_string(o.seed) + "-" + std::to_string(::getpid()));
    fs::rename(dir, kept);
    fs::create_directories(dir);
    std::printf("kept the run directory in %s\n", kept.c_str());
  } else if (o.keep && tmp) {
    const auto kept = fs::temp_directory_path() / ("sluice-crash-" + std::to_string(o.seed));
    fs::remove_all(kept);
    fs::rename(dir, kept);
    fs::create_directories(dir);
    std::printf("kept the run directory in %s\n", kept.c_str());
  }
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return harness(parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash_harness: %s\n", e.what());
    return 2;
  }
}
