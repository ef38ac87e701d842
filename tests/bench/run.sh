#!/bin/sh
# `make bench`: fx against PyTorch on the same machine in the same run, as
# ratios (fx seconds / PyTorch seconds per epoch; lower is better). Each
# figure is the best of three runs. Needs /usr/bin/python3 with torch
# (Debian's python3-torch). Usage: sh tests/bench/run.sh [FX]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
fx=${1:-$top/fx}
py=/usr/bin/python3
if ! $py -c 'import torch' 2>/dev/null; then
    echo "bench: needs PyTorch: apt-get install python3-torch" >&2
    exit 1
fi
threads=$(nproc)
best() { # command...: the smallest of three timings printed by the command
    b=""
    for _ in 1 2 3; do
        t=$("$@") || return 1
        b=$(awk -v a="$b" -v t="$t" 'BEGIN { print (a == "" || t < a) ? t : a }')
    done
    echo "$b"
}
echo "fx $($fx --version | cut -d' ' -f2) vs torch $($py -c 'import torch; print(torch.__version__)'), $threads threads"
for case in "cnn 3 seed 000 CNN, 1000 x 3x32x32, batch 64" "mlp 10 seed 003 MLP, 1000 x 10, batch 32"; do
    set -- $case
    name=$1 epochs=$2; shift 2
    f=$(best "$fx" --quiet --threads "$threads" "$top/tests/bench/$name.fx" "$epochs") || exit 1
    p=$(best $py "$top/tests/bench/peer.py" "$name" "$epochs" "$threads") || exit 1
    awk -v n="$name" -v d="$*" -v f="$f" -v p="$p" 'BEGIN {
        printf "%-4s %-40s fx %.4f s/epoch  torch %.4f s/epoch  fx/torch %.2f\n", n, d, f, p, f / p }'
done
