#!/bin/sh
# make failalloc: for each script below, counts the allocations a clean
# run makes (FX_FAIL_ALLOC=0), then runs it once per allocation N with the
# Nth and every later one failing. Each run must end with exit status 1
# and "fx: out of memory" or a located error on its first line of stderr
# (or exit 0 with the clean run's output where fx does without the memory,
# or with "fx: out of memory" from a sweep point's process, which the
# sweep reports as a failed point), and never a sanitizer report (leaks included), a signal or a
# hang. Prints one summary line per script, then "N passed, M failed".
# Usage: sh tests/failalloc/run.sh FX-FAILALLOC [STEP]
set -u
fx=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); step=${2:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/fx-failalloc.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export LC_ALL=C NO_COLOR=1 OPENBLAS_NUM_THREADS=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98
cat >train.fx <<'FX'
seed 1
let d = random_data(16, 3)
model m { dense(4) relu dense(2) }
let r = train m on d, epochs: 2, batch: 4, log: "none"
save r to "r.csv"
print r.loss[-1] > 0
FX
cat >sweep.fx <<'FX'
seed 2
let d = blobs(24, centers: 2)
model m { dense(2) }
let s = sweep lr in [0.1, 0.01] { train m on d, epochs: 2, batch: 8, log: "none" }
print len(s), s[0].loss[-1] > 0
FX
cat >errors.fx <<'FX'
let xs = [1, 2, 3]
fn f(x) = x / 0
print format("{} {}", xs, len(xs))
print f(xs[0])
FX
pass=0 fail=0
for s in train sweep errors; do
    FX_FAIL_ALLOC=0 "$fx" --threads 1 $s.fx >clean.out 2>clean.err; clean_rc=$?
    total=$(sed -n 's/^fx-alloc-count //p' clean.err | tail -n 1)
    bad=0 n=1
    while [ "$n" -le "${total:-0}" ]; do
        FX_FAIL_ALLOC=$n timeout 60 "$fx" --threads 1 $s.fx >out 2>err; rc=$?
        why=""
        if grep -q 'Sanitizer\|runtime error:' err; then why="a sanitizer report"
        elif [ $rc = 124 ]; then why="a hang"
        elif [ $rc -gt 128 ]; then why="signal $((rc - 128))"
        elif [ $rc = 0 ]; then
            # a sweep point whose process ran out is a failed point, the
            # sweep goes on: its "fx: out of memory" was said
            cmp -s out clean.out || grep -q '^fx: out of memory' err ||
                why="exit 0 with other output and no message"
        elif [ $rc = 1 ]; then
            head -n 1 err | grep -Eq '^fx: out of memory|^[^ ].*:[0-9]+:[0-9]+: error: ' ||
                why="no clear message: $(head -c 120 err)"
        else why="exit status $rc"; fi
        if [ -n "$why" ]; then
            bad=$((bad + 1))
            [ $bad -le 5 ] && { echo "$s.fx, allocation $n: $why"; grep -m 3 'ERROR\|#[0-9] \|SUMMARY' err; }
        fi
        n=$((n + step))
    done
    echo "$s.fx: ${total:-?} allocations, every ${step}th failed in turn, $bad runs not clean"
    if [ $bad = 0 ] && [ -n "$total" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
