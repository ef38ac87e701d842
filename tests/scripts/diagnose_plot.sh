# A plot of a diagnosed run (diagnose: true, or fx --diagnose) marks the
# epoch where each problem begins: a dotted column and a note naming it,
# in the text chart and in the SVG. A run trained without diagnosis gets
# no marker. The epoch's digits are replaced by N (the verdict's epoch may
# move by one with the BLAS kernel; tests/scripts/diagnose_new_user.fx
# bounds it).
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/t.fx" <<'FX'
seed 3
let few = moons(50, noise: 0.35)
let val = moons(300, noise: 0.35)
model big { dense(256) relu dense(256) relu dense(2) }
let over = train big on few, validate: val, optimizer: adam(lr: 0.01), loss: cross_entropy,
               epochs: 60, batch: 10, log: "none", diagnose: DIAG
plot over, width: 70
plot over, to: "over.svg"
FX
for diag in true false; do
    sed "s/DIAG/$diag/" "$dir/t.fx" >"$dir/run.fx"
    echo "diagnose: $diag"
    (cd "$dir" && "$FX" --ascii run.fx) >"$dir/out" 2>&1
    grep '^note:' "$dir/out" | sed 's/epoch [0-9]*/epoch N/'
    echo "marker columns: $(grep -c '^ *[0-9.]* *[|+] .*:' "$dir/out")"
    grep -o '<g class="marker"><title>[^<]*' "$dir/over.svg" | sed 's/epoch [0-9]*/epoch N/'
done
