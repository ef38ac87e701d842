#!/bin/sh
# make test-cluster: fx's shards under a real Slurm job array. Starts a
# one-node cluster of its own (tests/cluster/cluster.sh: slurmctld, slurmd
# and munged from Debian's slurm-wlm and munge, as root, stopped by PID
# whatever happens), submits examples/cluster/sweep.sbatch on
# tests/cluster/sweep.fx (4 array tasks, each fx --shard I/4 into one
# --out folder), waits, then runs the script unsharded on that folder: it
# must find all 8 points done and run none again, and print exactly what
# a plain run of the script prints.
# Exit status 0 when every check passed, 1 when one failed, 77 (skipped)
# when Slurm or munge is not installed or a daemon cannot run here; the
# first line then says which and why, followed by the daemon's log tail.
# Usage: sh tests/cluster/slurm.sh FX
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
case "${1:-}" in
/*) fx=$1;;
"") echo "usage: sh tests/cluster/slurm.sh FX" >&2; exit 2;;
*)  fx=$(pwd)/$1;;
esac
[ -x "$fx" ] || { echo "tests/cluster/slurm.sh: no fx program at $fx" >&2; exit 2; }
points=8 tasks=4
start=$(date +%s)

skip() { # $1 why, $2 logs to show
    echo "skipped: slurm: $1"
    for f in ${2:-}; do
        [ -s "$f" ] || continue
        echo "  last lines of $(basename "$f"):"; tail -n 15 "$f" | sed 's/^/    /'
    done
    exit 77
}

[ "$(id -u)" = 0 ] || skip "the test starts slurmctld and slurmd, which needs root"
for c in munged mungekey munge unmunge slurmctld slurmd sbatch sinfo scontrol scancel; do
    command -v "$c" >/dev/null 2>&1 ||
        skip "$c is not installed (sh tools/deps.sh cluster installs slurm-wlm and munge)"
done

# Nothing of an outer Slurm job or a user's defaults reaches our cluster's
# commands (make test-cluster may itself run inside a Slurm job).
for v in $(env | sed -n 's/^\(\(SLURM\|SBATCH\|SQUEUE\|SINFO\|SCONTROL\)_[A-Za-z0-9_]*\)=.*/\1/p'); do
    unset "$v"
done

d=$(mktemp -d "${TMPDIR:-/tmp}/fx-slurm.XXXXXX") && chmod 755 "$d" || exit 1
. "$top/tests/cluster/cluster.sh"
submit_pid=""
trap '[ -n "$submit_pid" ] && kill "$submit_pid" 2>/dev/null; cluster_stop; rm -rf "$d"' EXIT
trap 'exit 1' INT TERM HUP

cluster_start "$d/cluster" || skip "$cluster_why" "$cluster_log"
echo "slurm: one-node cluster up ($(hostname -s), $(nproc) CPUs, slurmctld on port $cluster_ctld_port)"

fail=0 checks=0
check() { # $1 what, then a command that must succeed
    what=$1; shift; checks=$((checks + 1))
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=$((fail + 1)); fi
}

# The job runs `fx` from its PATH, which sbatch passes on: ours first, a
# wrapper that records its arguments and drops -q, so that each task's log
# names every point it trains ("sweep K/N: LABEL").
mkdir -p "$d/bin" "$d/work"
cat >"$d/bin/fx" <<EOF
#!/bin/sh
echo "\$*" >>"$d/work/fx-calls.txt"
for a in "\$@"; do shift; [ "\$a" = -q ] || set -- "\$@" "\$a"; done
exec "$fx" "\$@"
EOF
chmod 755 "$d/bin/fx"
export PATH="$d/bin:$PATH"
cp "$top/tests/cluster/sweep.fx" "$d/work/sweep.fx"
cd "$d/work" || exit 1

# sbatch --wait in the background, so that a signal to this test runs its
# trap at once (sh defers traps until a foreground command ends).
submit() { # sbatch's arguments; its output goes to $out
    timeout 300 sbatch --wait "$@" >"$out" 2>&1 &
    submit_pid=$!
    wait $submit_pid; rc=$?
    submit_pid=""
    return $rc
}

# The array: examples/cluster/sweep.sbatch as a user would submit it.
# When it failed before any task started fx, Slurm cannot run jobs here,
# which is no fault of fx's: skipped, with the daemons' logs.
out=sbatch.out
if submit --quiet "$top/examples/cluster/sweep.sbatch" sweep.fx; then ok_array=1; else
    ok_array=0
    [ -s fx-calls.txt ] || skip "no task of the job started fx (sbatch: $(cat sbatch.out))" \
        "$d/cluster/log/slurmd.log $d/cluster/log/slurmctld.log $(ls "$d"/work/fx-sweep-*.log 2>/dev/null)"
    cat sbatch.out
fi
check "sbatch --wait of the 4-task array exited 0" [ $ok_array = 1 ]
logs=$(ls fx-sweep-*.log 2>/dev/null | wc -l)
check "each of the $tasks array tasks wrote its log (found $logs)" [ "$logs" = $tasks ]
for i in 0 1 2 3; do
    [ -s "fx-sweep-$i.log" ] && grep -E '^sweep|shard' "fx-sweep-$i.log" | sed "s/^/  task $i: /"
done
calls=$(grep -c -- "--shard [0-3]/$tasks " fx-calls.txt 2>/dev/null)
shards=$(grep -o -- "--shard [0-9]*/[0-9]*" fx-calls.txt 2>/dev/null | sort -u | tr '\n' ' ')
want="--shard 0/4 --shard 1/4 --shard 2/4 --shard 3/4 "
check "the tasks ran fx --shard 0/4 to 3/4, once each (${shards% })" \
    [ "$calls:$shards" = "$tasks:$want" ]
cat fx-sweep-*.log 2>/dev/null | grep '^sweep [0-9]*/[0-9]*: ' | grep -v ' (from the store)$' |
    sed 's/^sweep [0-9]*\/[0-9]*: //' | sort >trained.txt
check "the shards trained $(wc -l <trained.txt) points, $(sort -u trained.txt | wc -l) different" \
    [ "$(wc -l <trained.txt):$(sort -u trained.txt | wc -l)" = "$points:$points" ]
stored=$(ls results/points 2>/dev/null | grep -c '\.fxp$')
check "the shards stored $stored of $points points" [ "$stored" = $points ]

# The unsharded run on the store: every point from the store, none run.
"$fx" --out results sweep.fx >merge.txt 2>merge.err
check "the unsharded run exited 0" [ $? = 0 ]
found=$(grep -c '^sweep [0-9]*/[0-9]*: .* (from the store)$' merge.txt)
check "it found $found of $points points done" [ "$found" = $points ]
check "it says: sweep: $points of $points points from the store, 0 to run" \
    grep -q "^sweep: $points of $points points from the store, 0 to run$" merge.txt
reran=$(grep -c '^epoch ' merge.txt)
check "it trained no point again ($reran epoch lines)" [ "$reran" = 0 ]

# What it prints equals a plain run of the script on this machine.
"$fx" -q sweep.fx >plain.txt 2>&1
"$fx" -q --out results sweep.fx >merged.txt 2>&1
check "its output is byte-identical to a plain run's ($(wc -l <plain.txt) lines)" cmp -s plain.txt merged.txt
[ $fail = 0 ] || diff plain.txt merged.txt | head -n 20

secs=$(($(date +%s) - start))
if [ $fail = 0 ]; then echo "slurm: all $checks checks passed in $secs s"
else echo "slurm: $fail of $checks checks failed in $secs s"; fi
[ $fail = 0 ]
