# Column names (and JSON keys) are unique; prints the duplicates (none).
"$FX" exp_save_sweep_lr.fx > /dev/null || exit 1
head -n 1 ../tmp/exp_save_sweep_lr.csv | tr ',' '\n' | sort | uniq -d
head -n 1 ../tmp/exp_save_sweep_lr.jsonl | tr ',{}' '\n\n\n' | sed -n 's/^ *"\([^"]*\)":.*/\1/p' | sort | uniq -d
echo "checked"
