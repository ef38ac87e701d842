#!/bin/sh
# make coverage: line and branch coverage of interp/, stdlib/ and runtime/
# after the whole suite ran against BUILD (built with --coverage). Reads
# gcov's summaries (gcov -n -b, nothing written into the tree), prints
# one line per source folder and the 15 least covered files.
# Usage: sh tests/coverage.sh BUILD
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
b=$(cd "$1" && pwd)
out=$(mktemp); trap 'rm -f "$out"' EXIT
for dir in interp stdlib runtime; do
    find "$b/$dir" -name '*.gcda' | while read -r g; do
        src=${g#"$b"/}; src=${src%.gcda}.c
        (cd "$top" && gcov -n -b -o "$(dirname "$g")" "$src" 2>/dev/null) |
            awk -v f="$src" '
                /^File / { want = (index($0, "'"'"'" f "'"'"'") > 0) }
                want && /^Lines executed:/ { split($2, a, ":"); sub("%", "", a[2]); l = a[2]; ln = $4 }
                want && /^Branches executed:/ { split($2, a, ":"); sub("%", "", a[2]); bx = a[2]; bn = $4 }
                want && /^Taken at least once:/ { split($4, a, ":"); t = $4; sub("%", "", t); sub(".*:", "", t) }
                END { if (ln) printf "%s %s %d %s %d\n", f, l, ln, t, bn }'
    done
done >"$out"
awk '{ split($1, p, "/"); d = p[1]; L[d] += $2 * $3 / 100; N[d] += $3; B[d] += $4 * $5 / 100; M[d] += $5
       AL += $2 * $3 / 100; AN += $3; AB += $4 * $5 / 100; AM += $5 }
     END { for (d in N) printf "%-8s lines %5.1f%% of %5d   branches taken %5.1f%% of %5d\n", d, 100 * L[d] / N[d], N[d], M[d] ? 100 * B[d] / M[d] : 0, M[d]
           printf "%-8s lines %5.1f%% of %5d   branches taken %5.1f%% of %5d\n", "all", 100 * AL / AN, AN, AM ? 100 * AB / AM : 0, AM }' "$out" | sort
echo "least covered files (lines %, lines):"
sort -k2 -n "$out" | head -n 15 | awk '{ printf "  %-36s %5.1f%% of %d\n", $1, $2, $3 }'
