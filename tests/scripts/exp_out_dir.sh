# --out DIR writes every run's per-epoch history as CSV and JSON lines,
# making DIR when needed, and one line per run in DIR/runs.jsonl, the
# manifest (its seconds, thread count and the script's folder masked); --quiet keeps
# only the script's own output.
rm -rf ../tmp/exp_out
"$FX" --quiet --out ../tmp/exp_out exp_out_dir.fx || exit 1
ls ../tmp/exp_out; ls ../tmp/exp_out/points | wc -l
for f in ../tmp/exp_out/*.*; do
    echo "== $(basename "$f")"
    sed -e 's/"seconds": [^,]*/"seconds": S/' -e 's/"threads": [0-9]*/"threads": T/' -e 's/"store_key": "[0-9a-f]*"/"store_key": "K"/' -e "s|$(pwd -P)|\$DIR|" "$f"
done
