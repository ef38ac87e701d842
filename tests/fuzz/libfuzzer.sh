#!/bin/sh
# make fuzz: runs each libFuzzer target of BUILD/lf (tests/fuzz/fuzz_*.c
# built with -DFX_LIBFUZZER) for SECONDS, its corpus in BUILD/corpus/NAME
# seeded from the repository's own inputs (scripts, CSV, NPY, safetensors),
# fuzz_eval with fx's keywords (tests/fuzz/fx.dict). Prints executions,
# coverage and crashes per target; a crash's input is kept in
# BUILD/crashes (reproduce it with the plain target: fuzz_X FILE).
# FUZZ_RUNS=N stops a target after N executions instead (SECONDS stays the
# cap); FUZZ_TARGETS="fuzz_csv fuzz_npy" runs those only.
# Exit status 1 when any target found a crash. Usage: libfuzzer.sh BUILD SECONDS
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$(cd "$1" && pwd); secs=${2:-60}
mkdir -p "$b/corpus" "$b/crashes"
fails=0
seed() { # $1 name, then files to copy into its corpus
    d="$b/corpus/$1"; shift
    mkdir -p "$d"
    for f in "$@"; do [ -f "$f" ] && cp "$f" "$d/"; done
}
seed fuzz_eval "$top"/tests/scripts/*.fx "$top"/examples/*.fx
seed fuzz_csv "$top"/tests/scripts/data/*.csv
seed fuzz_npy "$top"/tests/scripts/data/npy/*.np[yz]
seed fuzz_safetensors "$top"/tests/fixtures/*.safetensors
seed fuzz_idx "$top"/tests/scripts/data/*idx* "$top"/tests/scripts/data/*.gz
# fuzz_torch_pt: a selector byte (0: the whole file) before each .pt
mkdir -p "$b/corpus/fuzz_torch_pt"
for f in "$top"/tests/scripts/data/torch/*.pt; do
    { printf '\000'; cat "$f"; } >"$b/corpus/fuzz_torch_pt/$(basename "$f")"
done
for t in "$b"/lf/fuzz_*; do
    case $t in *.d) continue;; esac
    name=$(basename "$t")
    case " ${FUZZ_TARGETS:-$name} " in *" $name "*) ;; *) continue;; esac
    runs=""; [ -n "${FUZZ_RUNS:-}" ] && runs="-runs=$FUZZ_RUNS"
    dict=""; [ "$name" = fuzz_eval ] && dict="-dict=$top/tests/fuzz/fx.dict"
    log="$b/$name.log"
    "$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=3072 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$b/crashes/$name-" $dict $runs \
        "$b/corpus/$name" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tr -dc '0-9')
    cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -n 1)
    ft=$(grep -ao 'ft: [0-9]*' "$log" | tail -n 1)
    units=$(ls "$b/corpus/$name" | wc -l)
    crashes=$(ls "$b/crashes" | grep -c "^$name-")
    echo "$name: ${execs:-?} executions (at most ${secs}s), $cov edges, $ft features, corpus $units, crashes $crashes (exit $rc)"
    if [ $rc -ne 0 ]; then
        fails=$((fails + 1))
        grep -a -m 5 'ERROR\|SUMMARY\|runtime error' "$log"
    fi
done
[ $fails -eq 0 ]
