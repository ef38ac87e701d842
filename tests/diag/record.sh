#!/bin/sh
# Re-records tests/diag/recorded.runs from real fx runs (record.fx). Keeps
# the corpus entries of fx's output (run ... end) and drops the rest, such
# as the runtime's "training stopped" lines. Usage: sh record.sh [FX]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fx=${1:-"$here/../../build/fx"}
out="$here/recorded.runs"
{
    echo "# Recorded by tests/diag/record.sh from tests/diag/record.fx with $("$fx" --version 2>/dev/null | head -n 1)."
    echo "# Do not edit by hand: change record.fx and record again."
    echo
    "$fx" "$here/record.fx" >"$out.raw"
    awk '/^run /{on=1} on{print} /^end$/{on=0; print ""}' "$out.raw"
} >"$out.tmp"
rm -f "$out.raw"
mv "$out.tmp" "$out"
echo "$(grep -c '^run ' "$out") runs in $out"
