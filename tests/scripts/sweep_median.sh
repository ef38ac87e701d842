# Pruning by the median rule (sweep ..., prune: median(...)), Optuna's
# MedianPruner: every point stops at the epoch the rule predicts, computed
# from the unpruned sweep, for two warm-ups and start-up counts, and keeps
# its partial history; a sweep with jobs: and bad options are located
# errors.
"$FX" --threads 1 -q lib/sweep_median_body.fx 1 2 2>&1
"$FX" --threads 1 -q lib/sweep_median_body.fx 0 5 2>&1
echo "errors:"
"$FX" -e 'sweep a in [1, 2], prune: median(), jobs: 2 { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], prune: median(warmup: -1) { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], prune: median(startup: 0.5) { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], prune: median(monitor: "acc") { a }' 2>&1
exit 0   # the output above is what is checked
