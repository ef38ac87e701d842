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
    (cd "$dir" && /usr/bin/python3 - <<'PY'
import json, struct, numpy as np, torch
raw = open("w.safetensors", "rb").read()
n = struct.unpack("<Q", raw[:8])[0]
head = json.loads(raw[8:8 + n])
sd = {}
for k, v in head.items():
    if k == "__metadata__":
        continue
    a, b = v["data_offsets"]
    dt = {"F32": np.float32, "I64": np.int64}[v["dtype"]]
    sd[k] = torch.from_numpy(np.frombuffer(raw[8 + n + a:8 + n + b], dt).reshape(v["shape"]).copy())
m = torch.nn.Sequential(torch.nn.Linear(2, 6), torch.nn.BatchNorm1d(6), torch.nn.ReLU(),
                        torch.nn.Dropout(0.2), torch.nn.Linear(6, 3))
m.load_state_dict(sd, strict=True)
if int(sd["1.num_batches_tracked"]) != 9:
    print("num_batches_tracked", int(sd["1.num_batches_tracked"]))
PY
    )
fi
