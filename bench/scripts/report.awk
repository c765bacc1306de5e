# Prints the benchmark table and the targets from the files run_bench.sh
# writes (tab-separated), in this order on the command line:
#   variants.tsv  name, label                      (table order)
#   sizes.tsv     articles, corpus bytes
#   results.tsv   size, variant, rep, wall_s, user_s, sys_s, max_rss_kb,
#                 exit, timed_out, open_max, fds_max, articles, fd samples
#   startup.tsv   wall_s, cpu_s (user + sys) of each `sluice validate` run
#   enrichers.tsv articles, µs of CPU per article of the nine enrichers in
#                 bench_enrichers (isolated, one thread)
#   load.tsv      articles, load averages when that size was done
# Portable awk (Debian's default is mawk): no asort, no gensub.
BEGIN { FS = "\t" }
FNR == 1 { file++ }
file == 1 { order[++n_variants] = $1; label[$1] = $2; next }
file == 2 { size_list[++n_sizes] = $1; corpus_bytes[$1] = $2; next }
file == 3 {
  k = $1 SUBSEP $2
  i = ++runs[k]
  wall[k, i] = $4; cpu[k, i] = $5 + $6; done[k, i] = $12
  if ($7 > rss[k]) rss[k] = $7
  if ($10 > open_max[k]) open_max[k] = $10
  if ($2 != "baseline") {
    fd_samples += $13
    if ($10 > sluice_open_max) sluice_open_max = $10
  }
  if ($9 == 1) timed_out[k] = 1
  else if ($8 != 0 || $12 != $1) failed[k] = "exit " $8 ", " $12 " of " $1 " articles delivered"
  next
}
file == 4 { startup[++n_startup] = $1 * 1000; startup_cpu[n_startup] = $2 * 1000; next }
file == 5 { isolated_us[$1] = $2; next }
file == 6 { load_at[$1] = $2; next }

function median(values, count,    i, j, tmp, sorted) {
  for (i = 1; i <= count; i++) sorted[i] = values[i]
  for (i = 2; i <= count; i++)  # insertion sort: a handful of values
    for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
      tmp = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = tmp
    }
  return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
}

# Median wall time, CPU time and spread ((max - min) / median) of one row.
function summarise(k,    i, w, c, lo, hi) {
  for (i = 1; i <= runs[k]; i++) {
    w[i] = wall[k, i]; c[i] = cpu[k, i]
    if (i == 1 || w[i] < lo) lo = w[i]
    if (i == 1 || w[i] > hi) hi = w[i]
  }
  med_wall[k] = median(w, runs[k]); med_cpu[k] = median(c, runs[k]); best_wall[k] = lo
  spread[k] = med_wall[k] > 0 ? (hi - lo) / med_wall[k] : 0
  # A run stopped by the time limit counts what it delivered by then.
  rate[k] = (timed_out[k] ? done[k, 1] : size_of(k)) / med_wall[k]
}

function size_of(k,    parts) { split(k, parts, SUBSEP); return parts[1] }

function verdict(ok) { return ok ? "PASS" : "MISS" }

# One line of the targets list.
function target(size, what, value, ok, note) {
  printf "  %-14s %-46s %9s  %s%s\n", size, what, value, verdict(ok), note == "" ? "" : "   (" note ")"
}

# How far apart two rates are, relative to the smaller.
function apart(a, b) { return a > b ? a / b - 1 : b / a - 1 }

END {
  for (s = 1; s <= n_sizes; s++) {
    size = size_list[s]
    for (v = 1; v <= n_variants; v++) if (runs[size, order[v]]) summarise(size SUBSEP order[v])
  }

  printf "\n%-8s %-46s %4s %11s %8s %7s %8s %9s %5s %7s\n", "articles", "variant", "runs", "articles/s", "MB/s",
         "x base", "CPU s", "peak RSS", "open", "spread"
  for (s = 1; s <= n_sizes; s++) {
    size = size_list[s]
    base = size SUBSEP "baseline"
    for (v = 1; v <= n_variants; v++) {
      name = order[v]; k = size SUBSEP name
      if (!runs[k]) continue
      if (failed[k]) { printf "%-8s %-46s  FAILED (%s; see its log)\n", size, label[name], failed[k]; continue }
      mbps = rate[k] * corpus_bytes[size] / size / 1e6
      ratio = runs[base] && !failed[base] ? sprintf("%.2f", rate[k] / rate[base]) : "-"
      note = timed_out[k] ? "  stopped at the time limit: " done[k, 1] " articles delivered" : ""
      printf "%-8s %-46s %4d %11s %8.2f %7s %8.2f %6.1f MB %5d %7s%s\n", size, label[name], runs[k],
             (rate[k] >= 100 ? sprintf("%.0f", rate[k]) : sprintf("%.2f", rate[k])), mbps, ratio, med_cpu[k],
             rss[k] / 1024, open_max[k], (runs[k] > 1 ? sprintf("%.0f%%", spread[k] * 100) : "-"), note
    }
  }
  printf "\nx base: articles/s over the baseline's at the same size, in the same run. CPU s: user + sys of the\n"
  printf "process (median). open: most files of the corpus open at once (sampled every 10 ms). spread: (max - min)\n"
  printf "/ median of the wall times: how noisy the machine was.\n"

  print "\nTargets"
  for (s = 1; s <= n_sizes; s++) {
    size = size_list[s]
    if (size in load_at) printf "  %s articles: load average %s when its rows were done\n", size, load_at[size]
    base = size SUBSEP "baseline"; so1 = size SUBSEP "min_so_1"; in1 = size SUBSEP "min_in_1"
    f1 = size SUBSEP "full_so_1"; f2 = size SUBSEP "full_so_2"; sinks = size SUBSEP "full_sinks_1"
    if (runs[so1] && runs[base]) {
      target(size, "minimal chain, 1 worker >= 0.90x baseline", sprintf("%.2fx", rate[so1] / rate[base]),
             rate[so1] / rate[base] >= 0.9, sprintf("by CPU time: %.2fx; CPU per article %.1f us vs %.1f us",
             med_cpu[base] / med_cpu[so1], med_cpu[so1] / size * 1e6, med_cpu[base] / size * 1e6))
      # The whole process, start-up included: the best of the alternated runs.
      target(size, "minimal chain, whole-process wall >= 0.90x", sprintf("%.2fx", best_wall[base] / best_wall[so1]),
             best_wall[base] / best_wall[so1] >= 0.9, sprintf("best of %d alternated: %.3f s vs baseline %.3f s",
             runs[so1], best_wall[so1], best_wall[base]))
    }
    if (runs[f2])
      target(size, "full chain, 2 workers >= 3,000 articles/s", sprintf("%.0f", rate[f2]), rate[f2] >= 3000,
             sprintf("CPU per article %.0f us", med_cpu[f2] / size * 1e6))
    if (runs[f1] && runs[f2])
      target(size, "full chain, 2 workers >= 1.70x 1 worker", sprintf("%.2fx", rate[f2] / rate[f1]),
             rate[f2] / rate[f1] >= 1.7, sprintf("CPU s %.2f vs %.2f", med_cpu[f2], med_cpu[f1]))
    if (runs[f1] && runs[sinks] && (size in isolated_us)) {
      # What the enrichers add to a run: the full chain minus the same chain
      # without them, per article; against their cost in bench_enrichers.
      in_run = (med_cpu[f1] - med_cpu[sinks]) / size * 1e6
      target(size, "enrichers' CPU in run <= 1.25x isolated", sprintf("%.2fx", in_run / isolated_us[size]),
             in_run / isolated_us[size] <= 1.25, sprintf("%.0f us per article in run (1 worker) vs %.0f us in bench_enrichers",
             in_run, isolated_us[size]))
    }
    if (runs[so1] && runs[in1])
      target(size, ".so vs in-process <= 3% apart", sprintf("%.1f%%", apart(rate[so1], rate[in1]) * 100),
             apart(rate[so1], rate[in1]) <= 0.03,
             sprintf("by CPU time: %.1f%%", apart(med_cpu[so1], med_cpu[in1]) * 100))
  }
  if (n_sizes >= 2) {
    small = size_list[1]; large = size_list[n_sizes]
    if (runs[small, "full_so_2"] && runs[large, "full_so_2"]) {
      a = rate[small SUBSEP "full_so_2"]; b = rate[large SUBSEP "full_so_2"]
      target(small "->" large, "full chain, 2 workers, rates within 10%", sprintf("%.1f%%", apart(a, b) * 100),
             apart(a, b) <= 0.1, sprintf("%.0f -> %.0f articles/s", a, b))
    }
  }
  # Memory: every sluice row, and the same row at the smallest and largest size.
  worst = 0
  for (s = 1; s <= n_sizes; s++)
    for (v = 1; v <= n_variants; v++)
      if (order[v] != "baseline" && rss[size_list[s], order[v]] > worst) {
        worst = rss[size_list[s], order[v]]; worst_at = size_list[s] " " label[order[v]]
      }
  if (worst) target("all", "peak RSS <= 64 MB, every sluice row", sprintf("%.1f MB", worst / 1024),
                    worst <= 64 * 1024, "at " worst_at)
  if (n_sizes >= 2) {
    small = size_list[1]; large = size_list[n_sizes]
    for (v = 1; v <= n_variants; v++) {
      name = order[v]
      if (name == "baseline" || !rss[small, name] || !rss[large, name]) continue
      growth = rss[large, name] / rss[small, name] - 1
      target(small "->" large, "peak RSS flat (+-10%), " name, sprintf("%+.0f%%", growth * 100),
             growth <= 0.1 && growth >= -0.1, sprintf("%.1f -> %.1f MB", rss[small, name] / 1024,
             rss[large, name] / 1024))
    }
  } else {
    print "  peak RSS flat between sizes: needs two sizes (BENCH_SIZES=\"20000 200000\")"
  }
  if (fd_samples)
    target("all", "a handful (<= 4) of corpus files open at once", sluice_open_max, sluice_open_max <= 4,
           "most seen in " fd_samples " samples of sluice runs")
  if (n_startup)
    target("", "start-up < 50 ms (validate config/seeds.toml)", sprintf("%.1f ms", median(startup, n_startup)),
           median(startup, n_startup) < 50,
           sprintf("median of %d; CPU time %.1f ms", n_startup, median(startup_cpu, n_startup)))
}
