# A one-node Slurm cluster of its own, for tests/cluster/slurm.sh (sourced,
# as root): cluster_start DIR writes DIR/etc/slurm.conf (no cgroups:
# proctrack/linuxproc, task/none; this host's short name and nproc's CPUs;
# free ports; state, spool, logs and PID files under DIR), a munge key and
# munged on a socket of its own, then starts slurmctld and slurmd (-D, as
# background jobs of this shell, so their PIDs are known) and waits for
# the node to be idle. cluster_stop ends exactly the daemons it started,
# by PID (other Slurm or munge daemons on the machine are left alone).
# Knows nothing of fx; its variables start with cl_ or cluster_, so it
# changes none of its caller's.
#
# cluster_start returns 1 when the cluster cannot run here, with the
# reason in $cluster_why and the logs to show in $cluster_log (the
# daemon's log file, then what it printed before it could open one). It
# exports SLURM_CONF, which sbatch, sinfo and scontrol read.

cluster_pids=""

# Whether a TCP port is being listened on (ss, else /proc/net/tcp*).
cluster_port_used() { # $1 port
    if command -v ss >/dev/null 2>&1; then
        ss -Htln "sport = :$1" 2>/dev/null | grep -q .
    else
        grep -qi ":$(printf '%04X' "$1") " /proc/net/tcp /proc/net/tcp6 2>/dev/null
    fi
}

# Two free ports near a base taken from our PID (below the ephemeral ports
# of outgoing connections), so that two runs at once do not pick the same.
cluster_ports() {
    cl_p=$((10000 + $$ % 20000))
    while cluster_port_used "$cl_p" || cluster_port_used $((cl_p + 1)); do cl_p=$((cl_p + 2)); done
    cluster_ctld_port=$cl_p; cluster_slurmd_port=$((cl_p + 1))
}

cluster_write_conf() { # $1 dir
    cl_dir=$1 cl_host=$(hostname -s) cl_cpus=$(nproc)
    cluster_ports
    cat >"$cl_dir/etc/slurm.conf" <<EOF
# Written by tests/cluster/cluster.sh for one test run.
ClusterName=fxtest
SlurmctldHost=$cl_host(127.0.0.1)
SlurmctldPort=$cluster_ctld_port
SlurmdPort=$cluster_slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$cl_dir/munge/munge.socket
StateSaveLocation=$cl_dir/state
SlurmdSpoolDir=$cl_dir/spool
SlurmctldPidFile=$cl_dir/run/slurmctld.pid
SlurmdPidFile=$cl_dir/run/slurmd.pid
SlurmctldLogFile=$cl_dir/log/slurmctld.log
SlurmdLogFile=$cl_dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
InactiveLimit=0
KillWait=5
NodeName=$cl_host NodeAddr=127.0.0.1 CPUs=$cl_cpus State=UNKNOWN
PartitionName=fx Nodes=$cl_host Default=YES MaxTime=INFINITE State=UP
EOF
    # No cgroup plugin is configured above; this file only says so to a
    # slurmd that looks for it.
    printf '# tests/cluster/cluster.sh: no cgroups\nCgroupAutomount=no\n' >"$cl_dir/etc/cgroup.conf"
}

# Whether the process of PID $1 runs (a daemon that exited is a zombie
# until the shell waits for it, and kill -0 succeeds on zombies).
cluster_alive() { # $1 pid
    cl_s=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
    [ -n "$cl_s" ] && [ "$cl_s" != Z ]
}

# Waits up to $2 seconds for the command $1 to succeed, while the daemon
# of PID $3 lives. Returns 1 on timeout or when the daemon died.
cluster_wait() { # $1 command, $2 seconds, $3 pid
    cl_t=0
    while [ "$cl_t" -lt $(($2 * 5)) ]; do
        sh -c "$1" >/dev/null 2>&1 && return 0
        cluster_alive "$3" || return 1
        sleep 0.2; cl_t=$((cl_t + 1))
    done
    return 1
}

cluster_fail() { # $1 why, $2 log
    cluster_why=$1; cluster_log=$2
    return 1
}

cluster_start() { # $1 dir
    cl_dir=$1
    mkdir -p "$cl_dir/etc" "$cl_dir/munge" "$cl_dir/state" "$cl_dir/spool" "$cl_dir/run" "$cl_dir/log"
    # munged wants its socket's folder open to all (every client must
    # reach it) and its key readable by its owner alone.
    chmod 755 "$cl_dir" "$cl_dir/munge"
    cluster_write_conf "$cl_dir"
    export SLURM_CONF="$cl_dir/etc/slurm.conf"
    cl_sock="$cl_dir/munge/munge.socket"

    mungekey -c -k "$cl_dir/munge/munge.key" >"$cl_dir/log/mungekey.log" 2>&1 ||
        { cluster_fail "mungekey could not make a key" "$cl_dir/log/mungekey.log"; return 1; }
    chmod 600 "$cl_dir/munge/munge.key"
    munged -F --socket="$cl_sock" --key-file="$cl_dir/munge/munge.key" \
        --log-file="$cl_dir/log/munged.log" --pid-file="$cl_dir/run/munged.pid" \
        --seed-file="$cl_dir/munge/munged.seed" >"$cl_dir/log/munged.out" 2>&1 &
    cluster_pids="$!"
    cluster_wait "munge -n -S '$cl_sock' | unmunge -S '$cl_sock'" 20 "$!" ||
        { cluster_fail "munged did not start or does not answer on $cl_sock" "$cl_dir/log/munged.log $cl_dir/log/munged.out"; return 1; }

    slurmctld -D -f "$SLURM_CONF" >"$cl_dir/log/slurmctld.out" 2>&1 &
    cl_ctld=$!; cluster_pids="$cl_ctld $cluster_pids"
    cluster_wait "scontrol ping | grep -q UP" 30 "$cl_ctld" ||
        { cluster_fail "slurmctld did not start or does not answer on port $cluster_ctld_port" \
              "$cl_dir/log/slurmctld.log $cl_dir/log/slurmctld.out"; return 1; }

    slurmd -D -f "$SLURM_CONF" >"$cl_dir/log/slurmd.out" 2>&1 &
    cl_sd=$!; cluster_pids="$cl_sd $cluster_pids"
    cl_host=$(hostname -s)
    cluster_wait "[ \"\$(sinfo -h -N -n '$cl_host' -o %T)\" = idle ]" 60 "$cl_sd" ||
        { cluster_fail "slurmd did not start, or node $cl_host did not become idle ($(sinfo -h -N -n "$cl_host" -o '%T %E' 2>&1))" \
              "$cl_dir/log/slurmd.log $cl_dir/log/slurmd.out"; return 1; }
    return 0
}

# Cancels what is left of our jobs and gives them 10 s to end (slurmd
# ends a job's processes; it must still run for that), then ends our
# daemons, newest first, and waits for them.
cluster_stop() {
    [ -n "$cluster_pids" ] || return 0
    if [ -n "${cl_ctld:-}" ] && scancel --quiet --partition=fx >/dev/null 2>&1; then
        cluster_wait "[ -z \"\$(squeue -h 2>/dev/null)\" ]" 10 "$cl_ctld"
    fi
    for cl_p in $cluster_pids; do kill "$cl_p" 2>/dev/null; done
    for cl_p in $cluster_pids; do
        cl_t=0
        while cluster_alive "$cl_p" && [ $cl_t -lt 50 ]; do sleep 0.2; cl_t=$((cl_t + 1)); done
        cluster_alive "$cl_p" && kill -9 "$cl_p" 2>/dev/null
        wait "$cl_p" 2>/dev/null
    done
    cluster_pids=""
}
