# --help (and -h) show every mode and option, on stdout, with status 0.
tmp=$(mktemp)
"$FX" --help > "$tmp"
echo "status $?"
for o in 'fx \[options\] FILE' '-e CODE' 'fx \[options\] -' '--check FILE' \
         '-c, --check' '-q, --quiet' '--strict' '--out DIR' '--svg DIR' '--threads N' '--ascii' \
         '--color WHEN' '--width N' '-h, --help' '-V, --version' 'exit status'; do
    grep -q -e "$o" "$tmp" && echo "has $o" || echo "MISSING $o"
done
"$FX" -h | cmp -s - "$tmp" && echo "-h is the same"
rm -f "$tmp"
