"$FX" exp_save_curves_failed.fx > /dev/null || exit 1
cat ../tmp/exp_save_curves_failed.jsonl
