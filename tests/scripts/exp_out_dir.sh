# --out DIR writes every run's per-epoch history as CSV and JSON lines,
# making DIR when needed; --quiet keeps only the script's own output.
rm -rf ../tmp/exp_out
"$FX" --quiet --out ../tmp/exp_out exp_out_dir.fx || exit 1
ls ../tmp/exp_out
for f in ../tmp/exp_out/*; do
    echo "== $(basename "$f")"
    cat "$f"
done
