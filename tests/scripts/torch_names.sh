# save ..., names: "torch" writes the names PyTorch gives an nn.Sequential
# of the same layers (0.weight, 1.running_mean, 1.num_batches_tracked as
# I64: the batches it normalised in train mode), fx reads them back (running
# statistics and count included: evaluation uses them), and, where python3-torch is
# installed, torch's load_state_dict(strict=True) takes the file and gives
# the same outputs (silent when it agrees).
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/t.fx" <<'FX'
model m { dense(6) batchnorm relu dropout(0.2) dense(3) }
let d = blobs(60, centers: 3, seed: 4)
let r = train m on d, epochs: 3, batch: 20, log: "none"
save r to "w.safetensors", names: "torch"
save r to "fx.safetensors"
let back = load_weights(m, "w.safetensors", input: d)
let a = evaluate r on d
let b = evaluate back on d
print r.steps, a.loss == b.loss and a.accuracy == b.accuracy
save d to "x.npy"
FX
(cd "$dir" && "$FX" t.fx)
hdr() { head -c 4000 "$1" | tr -c '[:print:]' '\n' | grep -o '"[a-z0-9_.]*":{"dtype":"[A-Z0-9]*"' | sed 's/":{"dtype":"/ /; s/"//g'; }
echo "names: torch"; hdr "$dir/w.safetensors"
echo "names: fx"; hdr "$dir/fx.safetensors"
if /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
    lib=$(pwd)/lib
    (cd "$dir" && LIB=$lib /usr/bin/python3 - <<'PY'
import os, sys, torch
sys.path.insert(0, os.environ["LIB"])
from safetensors_torch import load
sd = load("w.safetensors")
m = torch.nn.Sequential(torch.nn.Linear(2, 6), torch.nn.BatchNorm1d(6), torch.nn.ReLU(),
                        torch.nn.Dropout(0.2), torch.nn.Linear(6, 3))
m.load_state_dict(sd, strict=True)
if int(sd["1.num_batches_tracked"]) != 9:
    print("num_batches_tracked", int(sd["1.num_batches_tracked"]))
PY
    )
fi
