# One rule for paths: run from another folder, every path a script names
# (save, checkpoint:, load_weights, load_csv) is relative to the script's
# folder, and save and checkpoint: make the folders they need; -e and --out
# are relative to the current directory.
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
mkdir "$dir/exp" "$dir/elsewhere"
cat >"$dir/exp/t.fx" <<'FX'
seed 1
let d = blobs(40, centers: 2)
model m { dense(2) }
let r = train m on d, epochs: 2, batch: 20, log: "none", checkpoint: "ck/deep/w.safetensors"
save r to "out/a/history.csv"
save r to "out/w.safetensors"
let w = load_weights(m, "out/w.safetensors", input: d)
let c = load_weights(m, "ck/deep/w.safetensors", input: d)
let h = load_csv("out/a/history.csv", label: "epoch", regression: true)
let a = evaluate w on d
let b = evaluate r on d
let e = evaluate c on d
print h.n, a.loss == b.loss, e.loss > 0
FX
cd "$dir/elsewhere" || exit 1
"$FX" ../exp/t.fx
for f in ck/deep/w.safetensors out/a/history.csv out/w.safetensors; do
    [ -f "$dir/exp/$f" ] && echo "exp/$f"
done
ls "$dir/elsewhere"
"$FX" -e 'save [1, 2] to "e/list.csv"' && cat e/list.csv
"$FX" -q --out res ../exp/t.fx >/dev/null && ls res | grep -c '^run-'
