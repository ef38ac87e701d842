#!/bin/sh
# Runs every example script in full with one fx binary: examples/*.fx and
# examples/seeds/*.fx (lib.fx is imported by the others). Each checks what
# it shows with asserts, so exit status 0 is a pass. fashion_mnist.fx runs
# only when Debian's dataset-fashion-mnist is installed and FX_ALL_EXAMPLES
# is set (it takes about a minute). Prints "ok NAME SECONDS" or
# "not ok NAME" lines and the last output of a failure.
# Usage: sh tests/examples.sh FX
set -u
fx=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp); trap 'rm -f "$out"' EXIT
for src in "$top"/examples/*.fx "$top"/examples/seeds/*.fx; do
    name=${src#"$top"/examples/}
    case "$name" in
    seeds/lib.fx) continue;;
    fashion_mnist.fx)
        [ -n "${FX_ALL_EXAMPLES:-}" ] && [ -d /usr/share/datasets/fashion-mnist ] || continue;;
    esac
    start=$(date +%s.%N)
    if (cd "$(dirname "$src")" && "$fx" --quiet "$(basename "$src")") >"$out" 2>&1; then
        end=$(date +%s.%N)
        echo "ok $name $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
    else
        echo "not ok $name"
        tail -n 20 "$out"
    fi
done
