// Crash harness: runs `sluice run` over generated articles into every sink
// mode at once (JSONL `append`, JSONL `truncate`, SQLite), kills it with
// SIGKILL at seeded random moments, restarts it each time, then runs it once
// more to the end and checks that every article is in each sink exactly once,
// that no JSONL file holds a NUL byte or a torn line, and that every article
// the failing enricher refuses is in the dead-letter store exactly once (a
// dead letter and its checkpoint commit together or not at all). Prints its
// figures; exit 0 = pass.
//
//   crash_harness [--articles N] [--kills K] [--seed S] [--batch-size B]
//                 [--workers W] [--fail-every F] [--rereading] [--dir DIR]
//                 [--keep] [--sluice CLI] [--plugin-dir DIR]
//
// --rereading runs the other kind of pipeline: a `files` source with
// incremental = false (every run reads everything) into JSONL `replace`
// (the file starts over at every run) + SQLite. Its dead letters would be
// added again by every run, so it runs without the failing enricher.
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
// 0-2 ms per article) -> fail_every (a fixture enricher that refuses every
// F-th article) -> jsonl append + jsonl truncate + sqlite, on 4 workers:
// articles finish out of delivery order all the time, as they do with real
// enrichers, and most batches carry dead letters.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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
  long fail_every = 37;  // 0: no article fails
  bool rereading = false;
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
    else if (a == "--fail-every")
      o.fail_every = std::stol(value());
    else if (a == "--rereading")
      o.rereading = true;
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
  if (o.articles < 1 || o.kills < 0 || o.batch_size < 1 || o.workers < 1 || o.fail_every < 0)
    throw std::invalid_argument(
        "--articles, --batch-size and --workers must be positive, --kills and --fail-every not negative");
  if (o.rereading) o.fail_every = 0;
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
  int cut_uncommitted = 0, cut_partial = 0, emptied = 0;  // sink recoveries seen in the logs
};

std::vector<std::string> run_args(const Options& o, const fs::path& config) {
  return {o.sluice.string(), "run", config.string(), "--quiet"};
}

// The JSONL sinks, each a mode the delivery promise must hold for (its
// name is the mode), and the SQLite sink beside them.
struct JsonlSinkUnderTest {
  const char* mode;
  fs::path file;
};

std::vector<JsonlSinkUnderTest> jsonl_sinks(const Options& o) {
  if (o.rereading) return {{"replace", "out/replace.jsonl"}};
  return {{"append", "out/append.jsonl"}, {"truncate", "out/truncate.jsonl"}};
}

constexpr const char* kSqliteFile = "out/articles.db";

// One run killed according to `plan`. Returns how it ended.
ExitStatus killed_run(const Options& o, const fs::path& dir, const fs::path& config, const KillPlan& plan) {
  ChildProcess child(run_args(o, config), dir, dir / "runs.out", dir / "runs.err");
  GrowthWatch growth(dir / jsonl_sinks(o).front().file);
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
  std::string text = "[host]\nplugin_dirs = [" + reliability::toml_string(o.plugin_dir) + ", " +
                     reliability::toml_string(o.fixture_dir) +
                     "]\nstate = \"state/sluice.db\"\n\n"
                     "[pipeline.crash]\nworkers = " +
                     std::to_string(o.workers) + "\nbatch_size = " + std::to_string(o.batch_size) +
                     "\n\n[[pipeline.crash.source]]\nplugin = \"files\"\npath = \"in\"\n" +
                     (o.rereading ? "incremental = false\n" : "") +
                     "\n[[pipeline.crash.parser]]\nplugin = \"seed_text\"\n"
                     "\n[[pipeline.crash.enrich]]\nplugin = \"jitter\"\n"
                     "\n[[pipeline.crash.enrich]]\nplugin = \"fail_every\"\nfail_every = " +
                     std::to_string(o.fail_every) + "\n";
  for (const auto& sink : jsonl_sinks(o))
    text += "\n[[pipeline.crash.sink]]\nname = \"" + std::string(sink.mode) +
            "\"\nplugin = \"jsonl\"\npath = \"" + sink.file.string() + "\"\nmode = \"" + sink.mode + "\"\n";
  return text + "\n[[pipeline.crash.sink]]\nplugin = \"sqlite\"\npath = \"" + kSqliteFile + "\"\n";
}

// Markers the fail_every enricher refuses, and those every sink must hold.
std::set<long> refused_markers(const Options& o) {
  std::set<long> out;
  if (o.fail_every > 0)
    for (long n = 0; n < o.articles; n += o.fail_every) out.insert(n);
  return out;
}

std::set<long> delivered_markers(const Options& o) {
  auto out = reliability::marker_range(o.articles);
  for (long n : refused_markers(o)) out.erase(n);
  return out;
}

// NUL bytes anywhere, and whether the file ends mid-line (a torn line).
struct FileDamage {
  std::size_t nul_bytes = 0;
  bool torn_tail = false;
};

FileDamage damage_of(const fs::path& file) {
  const auto text = sluice::testing::read_file(file);
  return {static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0')),
          !text.empty() && text.back() != '\n'};
}

bool report_file(const char* name, const FileDamage& d) {
  std::printf("  %-8s NUL bytes %zu, torn last line %s\n", name, d.nul_bytes, d.torn_tail ? "yes" : "no");
  return d.nul_bytes == 0 && !d.torn_tail;
}

// Every refused article is in the store once: a dead letter committed apart
// from its checkpoint shows up here as missing (checkpoint first) or twice
// (dead letter first) after a kill between the two.
bool report_dead_letters(const fs::path& state, const std::set<long>& expected) {
  std::map<long, int> copies;
  std::size_t unmarked = 0;
  for (const auto& d : sluice::host::StateDb(state).dead_letters({}, true)) {
    const long m = reliability::stored_document_marker(d.input);
    if (m < 0)
      ++unmarked;
    else
      ++copies[m];
  }
  std::vector<long> lost, duplicated, unexpected;
  for (long m : expected)
    if (!copies.count(m)) lost.push_back(m);
  for (const auto& [m, n] : copies) {
    if (n > 1) duplicated.push_back(m);
    if (!expected.count(m)) unexpected.push_back(m);
  }
  std::printf("  dead letters %zu for %zu refused articles, lost %zu, duplicated %zu\n",
              copies.size() + unmarked, expected.size(), lost.size(), duplicated.size());
  if (!lost.empty()) std::printf("    lost markers %s\n", reliability::summarize(lost).c_str());
  if (!duplicated.empty())
    std::printf("    duplicated markers %s\n", reliability::summarize(duplicated).c_str());
  if (!unexpected.empty())
    std::printf("    unexpected markers %s\n", reliability::summarize(unexpected).c_str());
  return lost.empty() && duplicated.empty() && unexpected.empty() && unmarked == 0;
}

// A run that ended by itself may exit 1 only for its dead letters.
bool ended_cleanly(const ExitStatus& status, const std::string& err_tail) {
  if (status.code == 0) return true;
  return status.code == 1 && err_tail.find("failed item(s)") != std::string::npos &&
         err_tail.find("run failed") == std::string::npos && err_tail.find("could not") == std::string::npos;
}

bool report_sink(const char* name, const reliability::Tally& t, const std::set<long>& expected) {
  const auto lost = t.lost(expected);
  const auto dup = t.duplicated();
  const auto extra = t.unexpected(expected);
  std::printf("  %-8s records %ld, distinct ids %ld, lost %zu, duplicated %zu", name,
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
  std::string modes;
  for (const auto& sink : jsonl_sinks(o)) modes += std::string(" jsonl ") + sink.mode + " +";
  std::printf(
      "crash harness: %ld articles, %d kills, seed %u, batch_size %d, %d workers, files%s ->%s sqlite, in "
      "%s\n",
      o.articles, o.kills, o.seed, o.batch_size, o.workers, o.rereading ? " (incremental = false)" : "",
      modes.c_str(), dir.c_str());

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
    const auto err_before = sluice::testing::read_file(dir / "runs.err").size();
    const auto status = killed_run(o, dir, config, plan);
    ++f.runs;
    if (status.signal == SIGKILL) {
      ++(plan.by_time ? f.kills_by_time : f.kills_by_progress);
    } else if (ended_cleanly(status, sluice::testing::read_file(dir / "runs.err").substr(err_before))) {
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
  f.emptied = count_in(errors, "jsonl: emptied");

  const auto expected = delivered_markers(o);
  std::vector<std::pair<std::string, reliability::Tally>> tallies;
  for (const auto& sink : jsonl_sinks(o))
    tallies.emplace_back(sink.mode, reliability::tally_jsonl(dir / sink.file));
  tallies.emplace_back("sqlite", reliability::tally_sqlite(dir / kSqliteFile));
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();

  std::printf("  kills   %d (%d at a random time, %d after random progress)\n",
              f.kills_by_time + f.kills_by_progress, f.kills_by_time, f.kills_by_progress);
  std::printf("  runs    %d (%d killed, %d ended before their kill, 1 final: %s)\n", f.runs,
              f.kills_by_time + f.kills_by_progress, f.ended_before_kill, final_status.str().c_str());
  std::printf("  jsonl recoveries: %d cut uncommitted batches, %d cut a partial line, %d emptied the file\n",
              f.cut_uncommitted, f.cut_partial, f.emptied);
  bool ok = ended_cleanly(final_status, sluice::testing::read_file(dir / "final.err"));
  for (const auto& [name, tally] : tallies) ok = report_sink(name.c_str(), tally, expected) && ok;
  for (const auto& sink : jsonl_sinks(o)) ok = report_file(sink.mode, damage_of(dir / sink.file)) && ok;
  ok = report_dead_letters(dir / "state/sluice.db", refused_markers(o)) && ok;
  std::size_t lost = 0, duplicated = 0;
  for (const auto& [name, tally] : tallies) {
    lost = std::max(lost, tally.lost(expected).size());
    duplicated = std::max(duplicated, tally.duplicated().size());
  }
  std::printf("figures: kills %d, articles %ld, lost %zu, duplicated %zu, runs %d, wall %.1f s\n",
              f.kills_by_time + f.kills_by_progress, o.articles, lost, duplicated, f.runs, wall);
  std::printf(
      "%s (reproduce: crash_harness --articles %ld --kills %d --seed %u --batch-size %d --workers %d "
      "--fail-every %ld%s%s)\n",
      ok ? "PASS" : "FAIL", o.articles, o.kills, o.seed, o.batch_size, o.workers, o.fail_every,
      o.rereading ? " --rereading" : "", ok ? "" : " --keep");
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
