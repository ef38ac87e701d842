# The layers' one direction (grammar -> interp -> stdlib -> runtime):
# interp/ includes no stdlib/ header and its objects use no symbol that
# stdlib/ defines; stdlib/ reaches interp/ only through fx.h; inside
# stdlib/ the folders depend one way, core <- data <- diag <- exp <- plot, and
# only stdlib/open.c and stdlib/main.c see them all; runtime/ includes
# nothing of either. Prints each breach; silent lines mean none.
top=$(cd ../.. && pwd)
build=$(dirname "$FX")
cd "$top" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The quoted includes of a file, one per line.
includes() { sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$1"; }

std_headers=$(cd stdlib && find . -name '*.h' | sed 's|^\./||')
interp_headers=$(cd interp && ls *.h)

echo "interp/ includes:"
for f in interp/*.c interp/*.h; do
    for h in $(includes "$f"); do
        for s in $std_headers; do
            [ "$h" = "$s" ] || [ "$h" = "$(basename "$s")" ] && echo "  $f includes stdlib's $h"
        done
    done
done

echo "interp/ symbols:"
nm -g --defined-only "$build/libfxstd.a" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/std.sym"
nm -u "$build/libfxinterp.a" 2>/dev/null | awk '{ print $NF }' | sort -u >"$tmp/interp.undef"
[ -s "$tmp/std.sym" ] || echo "  no symbols read from $build/libfxstd.a"
comm -12 "$tmp/std.sym" "$tmp/interp.undef" | sed 's/^/  interp uses stdlib'"'"'s /'

# A folder's rank in the line; a file may include its own folder's headers
# and those of folders of a lower rank. Top-level stdlib files see all.
rank() { case $1 in core) echo 1;; data) echo 2;; diag) echo 3;; exp) echo 4;; plot) echo 5;; *) echo 9;; esac; }

echo "stdlib/ includes:"
for f in $(find stdlib -name '*.[ch]' | sort); do
    dir=$(dirname "$f"); dir=${dir#stdlib}; dir=${dir#/}
    for h in $(includes "$f"); do
        case $h in
        fx.h|rt.h) continue;;
        */*) hdir=${h%%/*};;
        *) hdir=$dir;;
        esac
        hpath=stdlib/${hdir:+$hdir/}${h##*/}
        # a bare name not in the file's folder is found through -Istdlib
        case $h in */*) ;; *) [ ! -e "$hpath" ] && [ -e "stdlib/$h" ] && hdir= hpath=stdlib/$h;; esac
        if [ ! -e "$hpath" ]; then
            for i in $interp_headers; do
                [ "$h" = "$i" ] && echo "  $f includes interp's $h (only fx.h is public)"
            done
            [ -e "interp/$h" ] || echo "  $f includes $h, which is not in stdlib/"
            continue
        fi
        if [ -n "$dir" ] && [ -n "$hdir" ] && [ "$(rank "$hdir")" -gt "$(rank "$dir")" ]; then
            echo "  $f ($dir) includes $h, of a folder above it"
        fi
        if [ -n "$dir" ] && [ -z "$hdir" ]; then
            echo "  $f ($dir) includes the opener's $h"
        fi
    done
done

echo "runtime/ includes:"
for f in runtime/*.c runtime/*.h; do
    for h in $(includes "$f"); do
        [ -e "runtime/$h" ] || echo "  $f includes $h, which is not in runtime/"
    done
done
exit 0
