#!/bin/sh
# Checks that the Debian packages fx builds with are installed, by package
# name (dpkg-query), never by a file another package may also ship: netlib's
# libblas-dev has a cblas.h too, but fx needs OpenBLAS. Installs the missing
# ones when run as root; as any other user prints the one apt-get line that
# names exactly what is missing and exits 1, before anything is compiled.
# The README's set-up commands start with it, since a bare Debian root has
# neither make nor a compiler; the Makefile runs it again before building.
# Knows nothing else of the project.
#
#   sh tools/deps.sh         what building fx needs
#   sh tools/deps.sh test    that, plus what make test uses: mandoc (the man
#                            pages' lint), perl (prove reads fx test's TAP),
#                            libxml2-utils (xmllint checks its JUnit XML and
#                            the SVG charts), parallel (GNU parallel runs
#                            --shard in a test) and chromium (the browser
#                            test loads fx report's page headless)
#   sh tools/deps.sh cluster what building fx needs, plus what make
#                            test-cluster uses: slurm-wlm and munge (a
#                            one-node Slurm cluster runs fx --shard);
#                            make test does not need them
#
#   FX_WANT_MANDOC=1    the same as the argument test (mandoc, perl,
#                       libxml2-utils, parallel, chromium)
#   FX_WANT_CLUSTER=1   the same as the argument cluster (slurm-wlm, munge)
#   FX_WANT_DATASETS=1  also the real Fashion-MNIST data (no test needs it)
#   FX_DEPS_DRY=1       only say what is missing, never install (for tests)
set -u

# The packages, in the order apt-get is told about them.
pkgs="make gcc libc6-dev pkgconf re2c lemon libopenblas-dev libedit-dev zlib1g-dev"
case "${1:-build}" in
build) ;;
test)  FX_WANT_MANDOC=1;;
cluster) FX_WANT_CLUSTER=1;;
*)     echo "usage: sh tools/deps.sh [build|test|cluster]" >&2; exit 2;;
esac
[ -n "${FX_WANT_MANDOC:-}" ] && pkgs="$pkgs mandoc perl libxml2-utils parallel chromium"
[ -n "${FX_WANT_CLUSTER:-}" ] && pkgs="$pkgs slurm-wlm munge"
[ -n "${FX_WANT_DATASETS:-}" ] && pkgs="$pkgs dataset-fashion-mnist"

have_cmd() { command -v "$1" >/dev/null 2>&1; }

# Installed means dpkg says "install ok installed" for the native arch.
installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

if ! have_cmd dpkg-query; then
    # Not Debian: say what is needed and let the compiler decide.
    have_cmd pkg-config && pkg-config --exists openblas libedit zlib && exit 0
    echo "fx: this is not a Debian system; fx needs a C11 compiler, make," >&2
    echo "    re2c, lemon, pkg-config, OpenBLAS, libedit and zlib (with their" >&2
    echo "    pkg-config files openblas.pc, libedit.pc, zlib.pc)." >&2
    exit 1
fi

need=""
for p in $pkgs; do
    # A compiler the user chose (CC=clang) stands in for gcc.
    if [ "$p" = gcc ] && [ -n "${CC:-}" ] && have_cmd "${CC%% *}"; then continue; fi
    installed "$p" || need="$need $p"
done
[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ] && have_cmd apt-get && [ -z "${FX_DEPS_DRY:-}" ]; then
    echo "fx: installing missing Debian packages:$need" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    if ! apt-get install -y -qq --no-install-recommends $need >/dev/null; then
        echo "fx: apt-get install failed; run: apt-get install -y$need" >&2
        exit 1
    fi
    exit 0
fi
echo "fx: missing build dependencies; as root run:" >&2
echo "    apt-get install -y$need" >&2
exit 1
