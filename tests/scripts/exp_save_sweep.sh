# The files exp_save_sweep.fx writes.
"$FX" exp_save_sweep.fx || exit 1
for f in exp_sweep.csv exp_sweep.jsonl exp_curves.jsonl exp_list.csv exp_list.jsonl; do
    echo "== $f"
    cat "../tmp/$f"
done
