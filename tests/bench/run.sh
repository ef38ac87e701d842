#!/bin/sh
# `make bench`: fx against PyTorch on the seed workloads (W1-W5), as
# ratios of seconds per epoch in one run on this machine, and what
# --diagnose costs W1; see bench.py.
# Needs /usr/bin/python3; PyTorch (Debian's python3-torch) for the
# comparison, without it fx is reported alone. W5 needs Debian's
# dataset-fashion-mnist. Usage: sh tests/bench/run.sh [FX [BUILD_DIR]]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
fx=${1:-$top/fx}
build=${2:-$top/build}
if [ ! -x /usr/bin/python3 ]; then
    echo "bench: needs /usr/bin/python3: apt-get install python3 python3-torch" >&2
    exit 1
fi
exec /usr/bin/python3 "$top/tests/bench/bench.py" "$fx" "$build"
