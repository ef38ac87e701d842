#!/bin/sh
# Runs every fx test against one or more build folders (each holding fx and
# tests/): C unit tests, script tests, the bad-input catalogue (tests/bad),
# injected allocation failures (tests/failalloc, where fx-failalloc is built),
# the fuzz smoke test and the man page lint. Prints failures as they happen and ends with "N passed, M failed".
# Usage: sh tests/run.sh BUILD_DIR [BUILD_DIR...]
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp="$top/tests/tmp"
rm -rf "$tmp"; mkdir -p "$tmp"
pass=0; fail=0
ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }

export NO_COLOR=1 LC_ALL=C
unset COLUMNS FX_HISTORY
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98

# C unit tests: count their "ok" / "not ok" lines; a crash is one failure.
run_unit() { # $1 build dir
    for t in "$1"/tests/test_* "$1"/examples/*; do
        [ -x "$t" ] || continue
        case "$t" in *.d|*.o) continue;; esac
        out="$tmp/unit.out"
        (cd "$top" && "$t") >"$out" 2>&1; rc=$?
        n_ok=$(grep -c '^ok ' "$out"); n_bad=$(grep -c '^not ok ' "$out")
        pass=$((pass + n_ok)); fail=$((fail + n_bad))
        grep '^not ok ' "$out" | sed "s|^|FAIL: $t: |"
        if [ $rc -ne 0 ] && [ "$n_bad" -eq 0 ]; then
            bad "$t exited $rc"; tail -n 20 "$out"
        elif [ $rc -eq 0 ] && [ "$n_ok" -eq 0 ]; then
            ok  # an example program: exit status 0 is its pass
        fi
    done
}

# Replaces the duration at the end of epoch lines ("  48ms", "  2.3s",
# "  1m05s") by "  <time>", in place.
mask_times() { # $1 file
    sed -E 's/^(epoch .*  )([0-9][0-9.]*(ms|s)|[0-9]+m[0-9][0-9]s)$/\1<time>/' "$1" >"$1.m" &&
        mv "$1.m" "$1"
}

# Script tests: NAME.fx (or NAME.sh, run with $FX set) plus NAME.out
# (exact stdout, the durations of epoch lines masked), NAME.err (exact
# stderr) and NAME.status (exit status; default 1 when NAME.err exists,
# else 0). NAME.args are extra arguments.
# NAME.tol (a relative tolerance) lets the numbers of stdout differ from
# NAME.out by that much: only for full-precision prints of BLAS results,
# whose last bits depend on OpenBLAS's kernel for the CPU.
run_scripts() { # $1 fx binary
    fx=$1
    for src in "$top"/tests/scripts/*.fx "$top"/tests/scripts/*.sh; do
        [ -e "$src" ] || continue
        base=${src%.*}; name=$(basename "$base")
        case "$src" in *.fx) [ -e "$base.sh" ] && continue;; esac
        [ -e "$base.out" ] || [ -e "$base.err" ] || continue
        want_rc=0; [ -e "$base.err" ] && want_rc=1
        [ -e "$base.status" ] && want_rc=$(cat "$base.status")
        args=""; [ -e "$base.args" ] && args=$(cat "$base.args")
        in=/dev/null; [ -e "$base.stdin" ] && in="$base.stdin"
        cd "$top/tests/scripts"
        case "$src" in
        *.sh) FX="$fx" sh "$name.sh" <"$in" >"$tmp/o" 2>"$tmp/e"; rc=$?;;
        *)    # shellcheck disable=SC2086
              "$fx" "$name.fx" $args <"$in" >"$tmp/o" 2>"$tmp/e"; rc=$?;;
        esac
        cd "$top"
        # A shell test that exits 77 is skipped (a tool it needs is
        # missing): its first line of output says why.
        case "$src" in *.sh) if [ "$rc" = 77 ] && [ "$want_rc" != 77 ]; then
            echo "  skipped: $name: $(head -n 1 "$tmp/o")"; continue; fi;; esac
        # Epoch lines end in their duration, which varies: masked.
        mask_times "$tmp/o"
        why=""
        [ "$rc" = "$want_rc" ] || why="exit status $rc, want $want_rc"
        if [ -e "$base.tol" ]; then
            # Numbers within a relative tolerance (see tests/numcmp.awk).
            awk -v tol="$(cat "$base.tol")" -f "$top/tests/numcmp.awk" \
                "$base.out" "$tmp/o" >"$tmp/numcmp" ||
                why="$why${why:+; }stdout differs beyond $(cat "$base.tol")"
        elif [ -e "$base.out" ]; then
            cmp -s "$tmp/o" "$base.out" || why="$why${why:+; }stdout differs"
        fi
        if [ -e "$base.err" ]; then
            cmp -s "$tmp/e" "$base.err" || why="$why${why:+; }stderr differs"
        elif [ -s "$tmp/e" ]; then
            why="$why${why:+; }unexpected stderr"
        fi
        if [ -z "$why" ]; then ok; else
            bad "$name ($fx): $why"
            if [ -e "$base.tol" ]; then head -n 15 "$tmp/numcmp"
            elif [ -e "$base.out" ]; then diff "$base.out" "$tmp/o" | head -n 15; fi
            [ -e "$base.err" ] && diff "$base.err" "$tmp/e" | head -n 15
            [ -e "$base.err" ] || head -n 15 "$tmp/e"
        fi
    done
}

# Example scripts: in full, once, with the first (optimised) build, by
# fx test itself (dogfood): each PASS line is a pass, each FAIL or ERROR a
# failure, shown with its details; SKIP lines are neither.
run_examples() { # $1 fx binary
    (cd "$top" && "$1" test examples/) >"$tmp/ex" 2>&1; rc=$?
    n_ok=$(grep -c '^PASS ' "$tmp/ex"); n_bad=$(grep -c -E '^(FAIL|ERROR) ' "$tmp/ex")
    pass=$((pass + n_ok)); fail=$((fail + n_bad))
    if [ "$rc" -ne 0 ] && [ "$n_bad" -eq 0 ]; then bad "fx test examples/ exited $rc"; fi
    grep -v -E '^(PASS|SKIP) |^[0-9]+ passed, ' "$tmp/ex" |
        sed 's/^FAIL /FAIL: example /; s/^ERROR /FAIL: example /'
    grep -E '^PASS ' "$tmp/ex" | awk '{ printf "  %s %s\n", $2, $NF }'
    grep -E '^SKIP ' "$tmp/ex" | sed 's/^SKIP */  skipped: /'
}

first=1
for b in "$@"; do
    echo "== $b"
    run_unit "$top/$b"
    run_scripts "$top/$b/fx"
    if [ $first = 1 ] && [ -z "${FX_SKIP_EXAMPLES:-}" ]; then
        run_examples "$top/$b/fx"
    fi
    first=0
    # The bad-input catalogue (tests/bad/): one ok / not ok line a case.
    sh "$top/tests/bad/run.sh" "$top/$b/fx" >"$tmp/bad" 2>&1
    n_ok=$(grep -c '^ok ' "$tmp/bad"); n_bad=$(grep -c '^not ok ' "$tmp/bad")
    pass=$((pass + n_ok)); fail=$((fail + n_bad))
    grep -A6 '^not ok ' "$tmp/bad" | sed "s|^not ok |FAIL: bad input ($b): |"
    [ "$n_ok" -gt 0 ] || bad "bad-input catalogue ($b) ran no case"
    # Injected allocation failure (make failalloc), where it was built.
    if [ -x "$top/$b/fx-failalloc" ]; then
        sh "$top/tests/failalloc/run.sh" "$top/$b/fx-failalloc" >"$tmp/fa" 2>&1
        n_ok=$(grep -c ' 0 runs not clean$' "$tmp/fa"); n_bad=$(grep -c ' [1-9][0-9]* runs not clean$' "$tmp/fa")
        pass=$((pass + n_ok)); fail=$((fail + n_bad))
        [ "$n_ok" -gt 0 ] || bad "failalloc ($b) checked no script"
        grep -v 'runs not clean$\|passed, .* failed$' "$tmp/fa" | head -n 20 | sed 's/^/FAIL: failalloc: /'
    fi
    if [ -f "$top/tests/fuzz/run.sh" ]; then
        if out=$(sh "$top/tests/fuzz/run.sh" "$top/$b/fx" 2>&1); then ok
        else bad "fuzz ($b)"; echo "$out" | tail -n 20; fi
    fi
done

# The runtime's example program under valgrind (a tiny run), when valgrind
# is installed: no invalid access, nothing leaked. Valgrind (3.19) cannot
# execute AVX-512, so a kernel forced by OPENBLAS_CORETYPE that uses it
# (SkylakeX, Cooperlake, SapphireRapids) dies of SIGILL inside OpenBLAS;
# under valgrind only, such a choice gives way to Haswell (AVX2). Left
# unset, OpenBLAS sees valgrind's CPU and picks a kernel it can run.
vg_core=${OPENBLAS_CORETYPE:-}
case $vg_core in [Ss]kylake[Xx]|[Cc]ooperlake|[Ss]apphire[Rr]apids) vg_core=Haswell;; esac
if command -v valgrind >/dev/null 2>&1 && [ -x "$top/$1/examples/train_cnn" ]; then
    if out=$(env ${vg_core:+OPENBLAS_CORETYPE=$vg_core} valgrind -q --error-exitcode=1 --leak-check=full \
             --errors-for-leak-kinds=definite,indirect \
             "$top/$1/examples/train_cnn" 1 --train 16 --val 4 2>&1); then ok
    else bad "valgrind train_cnn"; echo "$out" | tail -n 20; fi
fi

# Man pages: mandoc's linter, when it is installed, down to its style
# messages, less those that depend on the machine (a page it cross-refers
# to not installed, mandoc's own database out of date).
if command -v mandoc >/dev/null 2>&1; then
    for m in "$top"/man/*.[1-9]; do
        [ -e "$m" ] || continue
        out=$(mandoc -Tlint -W style "$m" 2>&1 |
              grep -v -e 'referenced manual not found' -e 'outdated mandoc.db')
        if [ -z "$out" ]; then ok
        else bad "mandoc lint $(basename "$m")"; echo "$out" | head -n 20; fi
    done
    # fx.1's EXIT STATUS once rendered "-every -file -is -clean" (Fl took
    # the words for flags): the words must read as words.
    bs=$(printf '\b')
    if mandoc -Tascii "$top/man/fx.1" 2>/dev/null | sed "s/.$bs//g" |
       tr -s ' \t\n' '   ' | grep -q 'with --check, every file is clean'; then ok
    else bad "fx.1 EXIT STATUS: '--check, every file is clean' not rendered"; fi
fi

rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
