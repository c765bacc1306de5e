# The bench-peers table from run_peers.sh's results (tool, rep, wall_s,
# cpu_s, max_rss_kb, delivered): medians per tool, ratios to sluice.
function median(v, n,    i, j, t, s) {
  for (i = 1; i <= n; i++) s[i] = v[i]
  for (i = 2; i <= n; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
  return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
}
{
  if (!($1 in runs)) order[++tools] = $1
  i = ++runs[$1]; wall[$1, i] = $3; cpu[$1, i] = $4
  if ($5 > rss[$1]) rss[$1] = $5
  if (i == 1 || $6 < delivered[$1]) delivered[$1] = $6
}
END {
  for (t = 1; t <= tools; t++) {
    k = order[t]
    for (i = 1; i <= runs[k]; i++) { w[i] = wall[k, i]; c[i] = cpu[k, i] }
    mw[k] = median(w, runs[k]); mc[k] = median(c, runs[k])
  }
  printf "\n%-10s %4s %9s %8s %8s %9s %10s %10s %s\n", "tool", "runs", "files/s", "MB/s", "CPU s", "peak RSS",
         "files/s x", "CPU s x", "records"
  for (t = 1; t <= tools; t++) {
    k = order[t]
    rate = delivered[k] / mw[k]
    printf "%-10s %4d %9.0f %8.2f %8.2f %6.1f MB %10s %10s %d of %d%s\n", k, runs[k], rate,
           rate * bytes / size / 1e6, mc[k], rss[k] / 1024,
           sprintf("%.2f", rate / (delivered["sluice"] / mw["sluice"])), sprintf("%.2f", mc[k] / mc["sluice"]),
           delivered[k], size, delivered[k] < size ? "  (incomplete at the time limit)" : ""
  }
  print "\nMedians of the alternated runs. x: the tool's figure over sluice's (files/s: above 1 is faster than"
  print "sluice; CPU s: above 1 spends more CPU). Wall time of a daemon runs until its output holds every record."
}
