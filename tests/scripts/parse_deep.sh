# Deep or huge input is refused or parsed in time linear in its length:
# 10^6 and 10^7 bytes nested without brackets (unary minus, right-assoc
# '^') stop at the parser's nesting limit with one located error whose
# source line is cut to a window; a 10^6-byte left-assoc chain parses and
# the resolver refuses its depth once; a 10^6-byte flat program runs.
t=../tmp/parse_deep
mkdir -p "$t"
gen() { # $1 file, $2 prefix, $3 unit, $4 count, $5 suffix
    awk -v p="$2" -v u="$3" -v n="$4" -v s="$5" \
        'BEGIN { printf "%s", p; for (i = 0; i < n; i++) printf "%s", u; print s }' >"$1"
}
gen "$t/minus6.fx" "print " "-" 1000000 "1"
gen "$t/minus7.fx" "print " "-" 10000000 "1"
gen "$t/pow6.fx" "print " "2^" 500000 "1"
gen "$t/chain6.fx" "print 1" " + 1" 250000 ""
gen "$t/ok.fx" "print " "-" 900 "1"
awk 'BEGIN { print "let x = 0"; for (i = 0; i < 100000; i++) print "x = x + 1"; print "print x" }' >"$t/flat6.fx"
for f in minus6 minus7 pow6 chain6; do
    wc -c <"$t/$f.fx"
    "$FX" --check "$t/$f.fx" >"$t/out" 2>&1
    rc=$?
    sed "s|$t/||" "$t/out"
    echo "exit $rc"
done
"$FX" "$t/ok.fx"
wc -c <"$t/flat6.fx"
"$FX" "$t/flat6.fx"
rm -rf "$t"
