# Sweep points in child processes (jobs: / --jobs): the same results, bit
# for bit, as one after another; later runs see the same RNG counters; a
# failing point is kept with its error; a result that cannot leave its
# process (a function) is a point error naming it; bad jobs values and
# unknown sweep options are located errors. Lines printed as points end
# come in any order, so those are sorted.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FX" --threads 1 -q lib/sweep_jobs_body.fx 1 >"$d/j1" 2>&1
"$FX" --threads 1 -q lib/sweep_jobs_body.fx 2 >"$d/j2" 2>&1
"$FX" --threads 1 -q --jobs 3 lib/sweep_jobs_body.fx 3 >"$d/j3" 2>&1
cmp -s "$d/j1" "$d/j2" && echo "jobs 2 equals jobs 1"
cmp -s "$d/j1" "$d/j3" && echo "jobs 3 equals jobs 1"
grep -c "^lr=" "$d/j2"
grep "point two fails" "$d/j2" | sed 's/.*sweep_jobs_body.fx:/sweep_jobs_body.fx:/' | head -1
grep "^\[10" "$d/j2"
"$FX" -e 'let s = sweep a in [1, 2], jobs: 2 { fn f(x) = x + a
f }
print len(s.errors), s.errors[0]' | sort
"$FX" -e 'sweep a in [1, 2], jobs: 0 { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], job: 2 { a }' 2>&1
"$FX" -e 'sweep a in [1], jobs: 2, b in [2] { a }' 2>&1
echo "--jobs 2 on the command line:"
"$FX" --threads 1 --jobs 2 -e 'let s = sweep a in [1, 2, 3] { a * a }
print s.results' | sort   # points end in any order; results keep the grid's
