# fx test's options and exit statuses: -k selects scripts by path and
# cases by name (the others deselected), --fail-fast stops at the first
# failure (one job: the largest file starts first), -v shows every check
# and the script's output, a library is not collected, no script found is
# status 5, a missing path or a bad option 2; a plain fx run of skip() is
# status 77 and of a failed check 1.
untimed() { sed -E 's/  [0-9]+\.[0-9]+s$//; s/ in [0-9]+\.[0-9]+s$//'; }
FX=$(cd "$(dirname "$FX")" && pwd)/$(basename "$FX")
run() { "$FX" test "$@" >"$d/o" 2>&1; st=$?; untimed <"$d/o"; echo "exit $st"; }
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
echo "-- -k minimize"; run -k MINIMIZE ../suite
echo "-- -k three"; run -k three ../suite
echo "-- --fail-fast"; run -j 1 --fail-fast ../suite/fail_two.fx ../suite/pass_minimize.fx ../suite/pass_no_checks.fx
echo "-- -v"; run -v ../suite/fail_two.fx ../suite/pass_no_checks.fx
echo "-- libraries"; run -k helpers ../suite
mkdir "$d/empty"
echo "-- nothing"; (cd "$d" && "$FX" test empty 2>&1); echo "exit $?"
echo "-- missing"; (cd "$d" && "$FX" test nope 2>&1); echo "exit $?"
echo "-- bad option"; "$FX" test --jobs 0 ../suite 2>&1; echo "exit $?"
"$FX" test --bogus 2>&1; echo "exit $?"
echo "-- plain fx"; "$FX" ../suite/skip_dataset.fx 2>&1; echo "exit $?"
"$FX" ../suite/fail_two.fx 2>&1; echo "exit $?"
