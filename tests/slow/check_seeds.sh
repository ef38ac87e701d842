#!/bin/sh
# The slow seed check (make check-seeds, not part of make test): reruns
# examples/seeds/s0_cnn_lr_batch.fx, a CNN too slow to repeat inside the
# example, with 10 other script seeds (the sed trick of
# tests/scripts/seeds_any_seed.sh) and prints per seed whether its asserts,
# the diagnosis ones among them, hold, then the total time.
# Usage: sh tests/slow/check_seeds.sh FX_BINARY
set -u
fx=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp "$top/examples/seeds/lib.fx" "$d/"
start=$(date +%s); failed=0
for s in 100 200 300 400 500 600 700 800 900 1000; do
    sed "s/^seed [0-9]*/seed $s/" "$top/examples/seeds/s0_cnn_lr_batch.fx" >"$d/s0.fx"
    t0=$(date +%s)
    if NO_COLOR=1 "$fx" -q --threads 1 "$d/s0.fx" >/dev/null 2>"$d/err"; then
        echo "s0 seed $s: pass ($(( $(date +%s) - t0 ))s)"
    else
        failed=$((failed + 1))
        echo "s0 seed $s: FAIL ($(( $(date +%s) - t0 ))s): $(grep -m1 'assert\|error' "$d/err")"
    fi
done
echo "s0: $((10 - failed)) of 10 seeds pass, $(( $(date +%s) - start ))s"
[ "$failed" -eq 0 ]
