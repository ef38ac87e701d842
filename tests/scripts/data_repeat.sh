# The same script gives the same data on every run (and with any thread
# count): run it twice, with 1 and 4 threads, and compare.
out=$(mktemp -d) || exit 1
"$FX" --threads 1 data_repeat.fx > "$out/a" && "$FX" --threads 4 data_repeat.fx > "$out/b" &&
    cmp -s "$out/a" "$out/b" && echo "the same on both runs" && cat "$out/a"
rm -rf "$out"
