#!/bin/sh
# Checks that the Debian packages fx builds with are present; installs the
# missing ones when run as root, otherwise prints the exact apt-get line.
# Used by the Makefile before every build; knows nothing else of the project.
set -u
need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_hdr() { [ -e "/usr/include/$1" ] || [ -e "/usr/include/x86_64-linux-gnu/$1" ] ||
             ls /usr/include/*/"$1" >/dev/null 2>&1; }
have_cmd cc       || need="$need gcc"
have_cmd make     || need="$need make"
have_cmd re2c     || need="$need re2c"
have_cmd lemon    || need="$need lemon"
have_hdr cblas.h  || need="$need libopenblas-dev"
have_hdr histedit.h || need="$need libedit-dev"
have_hdr zlib.h   || need="$need zlib1g-dev"
[ -n "${FX_WANT_MANDOC:-}" ] && { have_cmd mandoc || need="$need mandoc"; }
# Optional: the real data fashion_mnist() loads; no test needs it.
[ -n "${FX_WANT_DATASETS:-}" ] && { [ -d /usr/share/datasets/fashion-mnist ] ||
                                    need="$need dataset-fashion-mnist"; }
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && have_cmd apt-get; then
    echo "fx: installing missing Debian packages:$need" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    apt-get install -y -qq $need >/dev/null || {
        echo "fx: apt-get install failed; run: apt-get install -y$need" >&2; exit 1; }
    exit 0
fi
echo "fx: missing build dependencies; as root run:" >&2
echo "    apt-get install -y$need" >&2
exit 1
