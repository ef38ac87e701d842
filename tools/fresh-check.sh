#!/bin/sh
# Checks fx's set-up from nothing: builds a minimal Debian 12 root with
# debootstrap (or reuses one cached by an earlier run), puts a clean clone
# of this repository's HEAD in it, and runs the README's two set-up commands
# there exactly as the README writes them:
#
#   1. base root, as a non-root user: the set-up must print one
#      `apt-get install -y ...` line naming exactly the missing packages and
#      exit non-zero before compiling anything;
#   2. the same root, as root: the demo command must print seed 000's
#      curves, the test command must end with "N passed, 0 failed";
#   3. a second fresh root where netlib's libblas-dev and liblapack-dev are
#      installed first (their cblas.h once fooled the dependency check), as
#      root: both commands again.
#
# Run as root (debootstrap and chroot need it). Takes minutes, so it is not
# part of `make test`; `make fresh-check` runs it.
#
#   FX_FRESH_CACHE   where the base root is cached (/var/cache/fx-fresh)
#   FX_FRESH_KEEP=1  keep the work roots for a look afterwards
#   FX_FRESH_ONLY    run only these steps, e.g. "1 2"
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${FX_FRESH_CACHE:-/var/cache/fx-fresh}
only=${FX_FRESH_ONLY:-1 2 3}
suite=bookworm
work=$(mktemp -d /var/tmp/fx-fresh.XXXXXX)
log="$work/log"
failed=0

say()  { printf 'fresh-check: %s\n' "$*"; }
die()  { say "$*" >&2; exit 1; }
want() { case " $only " in *" $1 "*) return 0;; esac; return 1; }
cleanup() {
    [ -n "${FX_FRESH_KEEP:-}" ] && { say "work roots kept in $work"; return; }
    # The mounts live in the namespace of each run (unshare -m), so none is
    # left under $work for rm to follow.
    rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || die "run as root: debootstrap and chroot need it"
for c in debootstrap unshare git tar; do
    command -v "$c" >/dev/null 2>&1 || {
        say "installing $c's package"
        apt-get install -y -qq "$(case $c in unshare) echo util-linux;;
                                 *) echo "$c";; esac)" >/dev/null
    }
done

# The mirror this machine's apt uses, so the root reaches what it reaches.
mirror=$(grep -h -E '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources \
             /etc/apt/sources.list 2>/dev/null | grep -v security |
         sed -E 's/^URIs: *//; s/^deb +(\[[^]]*\] +)?//; s/ .*//' | head -n 1)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

# The base root: debootstrap --variant=minbase, cached as a tarball.
base="$cache/$suite-minbase.tar"
if [ ! -s "$base" ]; then
    mkdir -p "$cache"
    say "debootstrap $suite (minbase) from $mirror into the cache"
    t0=$(date +%s)
    debootstrap --variant=minbase "$suite" "$work/base" "$mirror" \
        >"$work/debootstrap.log" 2>&1 || {
        tail -n 20 "$work/debootstrap.log"; die "debootstrap failed"; }
    tar -C "$work/base" -cf "$base.part" . && mv "$base.part" "$base"
    rm -rf "$work/base"
    say "base root cached in $base ($(( $(date +%s) - t0 )) s)"
fi

# A fresh root from the cache, with this machine's apt sources and DNS, a
# non-root user "fx", and a clean clone of HEAD in /root/fx and ~fx/fx.
new_root() { # $1 name; prints the root's path, all else to stderr
    r="$work/$1"
    exec 3>&1 1>&2
    mkdir -p "$r"
    tar -C "$r" -xf "$base"
    cp /etc/resolv.conf "$r/etc/resolv.conf"
    rm -f "$r/etc/apt/sources.list"
    [ -e /etc/apt/sources.list ] && cp /etc/apt/sources.list "$r/etc/apt/"
    mkdir -p "$r/etc/apt/sources.list.d" "$r/etc/apt/apt.conf.d"
    cp /etc/apt/sources.list.d/*.sources "$r/etc/apt/sources.list.d/" 2>/dev/null || true
    for f in /etc/apt/apt.conf.d/*; do
        grep -q Acquire "$f" 2>/dev/null && cp "$f" "$r/etc/apt/apt.conf.d/"
    done
    in_root "$r" "useradd -m -s /bin/sh fx" >/dev/null
    git clone -q --no-local "$top" "$r/root/fx"
    git clone -q --no-local "$top" "$r/home/fx/fx"
    in_root "$r" "chown -R fx:fx /home/fx/fx"
    echo "$r" >&3
    exec 1>&3 3>&-
}

# Runs a shell command in root $1 (as user $3, default root) in a private
# mount namespace holding /proc, /dev and /sys; its output goes to $log.
in_root() { # $1 root, $2 command, $3 user
    unshare -m sh -c '
        mount --make-rprivate /
        mount -t proc proc "$1/proc"
        mount --rbind /dev "$1/dev"
        mount --rbind /sys "$1/sys"
        mount -t tmpfs tmpfs "$1/dev/shm"
        if [ "$3" = root ]; then
            exec chroot "$1" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
                 TERM=dumb sh -c "cd /root/fx 2>/dev/null; $2"
        fi
        exec chroot --userspec="$3:$3" "$1" /usr/bin/env -i HOME=/home/fx \
             PATH=/usr/bin:/bin TERM=dumb sh -c "cd /home/fx/fx; $2"
    ' sh "$1" "$2" "${3:-root}"
}

# The README's two set-up commands, read from the README itself: the lines
# of its "Set up" block, comments dropped.
readme_cmds=$(sed -n '/^## Set up/,/^## /p' "$top/README.md" |
              sed -n 's/^    \([^ #].*\)$/\1/p' | sed 's/ *#.*$//')
demo_cmd=$(printf '%s\n' "$readme_cmds" | sed -n 1p)
test_cmd=$(printf '%s\n' "$readme_cmds" | sed -n 2p)
[ -n "$demo_cmd" ] && [ -n "$test_cmd" ] ||
    die "cannot find the two set-up commands in README.md's Set up section"
say "README's commands: '$demo_cmd' and '$test_cmd'"

# Runs one README command in a root and checks how it ends; prints its tail
# and wall time.
run_cmd() { # $1 root, $2 label, $3 command, $4 user, $5 check (demo|test|deny)
    t0=$(date +%s)
    set +e
    in_root "$1" "$3" "$4" >"$log" 2>&1
    rc=$?
    set -e
    secs=$(( $(date +%s) - t0 ))
    verdict=ok
    case $5 in
    demo) # exit 0, a chart's x axis and the legend of the lr variants
          [ $rc -eq 0 ] && grep -q '^ *+-+---------+' "$log" &&
              grep -q 'lr 0.001 .* lr 0.1' "$log" || verdict=FAIL;;
    test) [ $rc -eq 0 ] && tail -n 1 "$log" | grep -Eq '^[0-9]+ passed, 0 failed$' ||
              verdict=FAIL;;
    deny) lines=$(grep -c 'apt-get install -y' "$log" || true)
          [ $rc -ne 0 ] && [ "$lines" = 1 ] &&
              grep -q "apt-get install -y $6\$" "$log" &&
              ! grep -q '  CC' "$log" || verdict=FAIL;;
    esac
    say "[$2] $4: $3  -> exit $rc, $secs s, $verdict"
    tail -n "${7:-12}" "$log" | sed 's/^/    | /'
    [ $verdict = ok ] || failed=$((failed + 1))
}

if want 1 || want 2; then
    r=$(new_root plain)
    if want 1; then
        # What a base root lacks, in the order tools/deps.sh names it.
        missing="make gcc libc6-dev pkgconf re2c lemon libopenblas-dev libedit-dev zlib1g-dev"
        run_cmd "$r" 1 "$demo_cmd" fx deny "$missing" 4
        run_cmd "$r" 1 "$test_cmd" fx deny "$missing mandoc perl libxml2-utils parallel chromium" 4
    fi
    if want 2; then
        run_cmd "$r" 2 "$demo_cmd" root demo "" 30
        run_cmd "$r" 2 "$test_cmd" root test "" 6
    fi
fi
if want 3; then
    r=$(new_root netlib)
    in_root "$r" "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends libblas-dev liblapack-dev" \
        >"$log" 2>&1 || { tail "$log"; die "installing netlib BLAS failed"; }
    say "[3] netlib's libblas-dev and liblapack-dev installed first"
    run_cmd "$r" 3 "$demo_cmd" root demo "" 8
    run_cmd "$r" 3 "$test_cmd" root test "" 6
fi

[ $failed -eq 0 ] || die "$failed step(s) failed"
say "all steps passed"
