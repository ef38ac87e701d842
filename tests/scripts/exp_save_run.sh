# The files exp_save_run.fx writes.
"$FX" exp_save_run.fx || exit 1
for f in exp_run.csv exp_run.jsonl exp_run_steps.csv exp_run_full.jsonl; do
    echo "== $f"
    cat "../tmp/$f"
done
