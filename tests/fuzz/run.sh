#!/bin/sh
# Fuzz smoke test: random bytes and random token soup fed to `fx --check`
# (and token soup run with a time limit) must never crash fx: the exit
# status must be 0 or 1, never a signal or a sanitizer report.
# Deterministic (awk's srand with fixed seeds). Then the C fuzz targets
# built beside FX (tests/fuzz/fuzz_*.c). Usage: run.sh FX [COUNT]
set -u
fx=$1; count=${2:-150}
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LC_ALL=C
fails=0

check_rc() { # $1 status, $2 what, $3 input file
    case $1 in
    0|1) ;;
    124) ;;  # our own time limit on running soup (an endless loop is fine)
    *) fails=$((fails + 1)); echo "fuzz: $2 exited $1 on input:"; od -c "$3" | head -n 8
       [ -s "$dir/err" ] && head -n 15 "$dir/err";;
    esac
}

i=0
while [ $i -lt "$count" ]; do
    # random bytes, biased towards printable ASCII and fx punctuation
    awk -v s=$i 'BEGIN { srand(s); n = int(rand() * 200);
        for (k = 0; k < n; k++) { r = rand();
            if (r < 0.6) printf "%c", 32 + int(rand() * 95);
            else if (r < 0.75) printf "%s", substr("()[]{}\n\"#,:.=^", 1 + int(rand() * 15), 1);
            else printf "%c", int(rand() * 256); } }' > "$dir/bytes.fx"
    "$fx" --check "$dir/bytes.fx" >/dev/null 2>"$dir/err"; check_rc $? "--check bytes" "$dir/bytes.fx"

    # token soup: fx words and punctuation in random order
    awk -v s=$i 'BEGIN { srand(1000 + s);
        m = split("let fn return if else for in while break continue print assert import as and or not true false none x y f r 0 1 2.5 1e3 -1 \"s\" ( ) [ ] { } , : . = + - * / % ^ == != < <= > >= => \n \n \n len range format sum model train on sweep plot bars table summary seed minimize from evaluate predict title dense(2) relu flatten epochs: batch: random_data(4,2) adam() { } [1,2]", w, " ");
        n = int(rand() * 60);
        for (k = 0; k < n; k++) printf "%s ", w[1 + int(rand() * m)]; print "" }' > "$dir/soup.fx"
    "$fx" --check "$dir/soup.fx" >/dev/null 2>"$dir/err"; check_rc $? "--check soup" "$dir/soup.fx"
    timeout 5 "$fx" "$dir/soup.fx" >/dev/null 2>"$dir/err"; check_rc $? "run soup" "$dir/soup.fx"
    i=$((i + 1))
done
# The C fuzz targets built next to fx (tests/fuzz/fuzz_*.c): each runs its
# own deterministic mutation loop and exits 0, then replays the corpus that
# make fuzz grew, minimized (libFuzzer -merge=1 -max_len=2048; fuzz_eval's
# with -max_len=200, short scripts that replay in seconds) and kept in
# tests/fuzz/corpus/NAME.
for t in "$(dirname "$fx")"/tests/fuzz_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d|*.o) continue;; esac
    if out=$("$t" 2>&1); then echo "$out"
    else fails=$((fails + 1)); echo "fuzz: $t failed:"; echo "$out" | tail -n 20; fi
    # and the replay of its minimized libFuzzer corpus (tests/fuzz/corpus)
    c="$(dirname "$0")/corpus/$(basename "$t")"
    [ -d "$c" ] || continue
    if out=$("$t" "$c"/* 2>&1); then echo "fuzz: $(basename "$t"): $(ls "$c" | wc -l) corpus inputs replayed"
    else fails=$((fails + 1)); echo "fuzz: $t failed on its corpus:"; echo "$out" | tail -n 20; fi
done
[ $fails -eq 0 ] && echo "fuzz: $count inputs of each kind, no crash"
[ $fails -eq 0 ]
