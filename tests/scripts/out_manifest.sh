# --out DIR never mixes experiments: a second invocation of the same script
# appends to DIR/runs.jsonl (nothing overwritten), with its points in
# child processes too, taking the finished point from the store
# (DIR/points) and running the failed one again; another script's folder,
# and run files without a manifest, are refused before anything trains; a
# failed sweep point gets a line with its error and no files.
. lib/mask_dir.sh
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/a.fx" <<'FX'
seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(2) }
let runs = sweep lr in [0.01, -1], o in [sgd(lr: 0.1)] {
    train m on d, epochs: 1, batch: 20, optimizer: sgd(lr: lr), log: "none"
}
FX
sed 's/seed 3/seed 4/' "$dir/a.fx" >"$dir/b.fx"
cd "$dir" || exit 1
"$FX" -q --out res a.fx
"$FX" -q --out res --jobs 2 a.fx
ls res
sed -e 's/"seconds": [^,]*/"seconds": S/' -e 's/"threads": [0-9]*/"threads": T/' -e 's/"store_key": "[0-9a-f]*"/"store_key": "K"/' -e "s|$(pwd -P)|\$DIR|" res/runs.jsonl
echo "== another script"
fx_masked -q --out res b.fx; echo "status $?"
mkdir old && echo "epoch,loss" >old/run-1.csv
echo "== run files without a manifest"
fx_masked -q --out old a.fx; echo "status $?"
ls old
