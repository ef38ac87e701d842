# num_batches_tracked both ways: fx loads torch's BatchNorm2d net (5
# batches tracked), trains one more epoch (7 batches of 32 over 200
# samples) and saves it with names: "torch" and with fx's names; loading
# either back gives 12, and the same eval outputs. A model saved straight
# after loading keeps torch's 5. Where python3-torch is installed, torch's
# load_state_dict(strict=True) takes the file with num_batches_tracked 12
# (silent when it agrees).
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
data=$(pwd)/data/torch
cat >"$dir/t.fx" <<FX
model cnn(input: [1, 8, 8]) { conv2d(8, 3, pad: 1) batchnorm relu maxpool(2) flatten dense(10) }
let d = load_npy("$data/digits_x.npy", "$data/digits_y.npy")
let w = load_weights(cnn, "$data/digits_bn_cnn.pt")
save w to "w5.safetensors", names: "torch"
let r = train w on d, optimizer: sgd(lr: 0.05, momentum: 0.9), loss: cross_entropy, epochs: 1,
            batch: 32, shuffle: false, continue: true, log: "none"
save r to "t.safetensors", names: "torch"
save r.model to "f.safetensors"
print "names: torch, then the file saved before training"
let t = load_weights(cnn, "t.safetensors")
let t5 = load_weights(cnn, "w5.safetensors")
print "fx's names, listed to show the count"
let f = load_weights(cnn, "f.safetensors", names: ["layers.0.weight", "layers.0.bias",
    "layers.1.weight", "layers.1.bias", "layers.1.running_mean", "layers.1.running_var",
    "layers.5.weight", "layers.5.bias"])
let a = evaluate r on d
let b = evaluate t on d
let c = evaluate f on d
print a.loss == b.loss and a.loss == c.loss and a.accuracy == b.accuracy
FX
(cd "$dir" && "$FX" t.fx) | sed "s|$data/||"
if /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
    lib=$(pwd)/lib
    (cd "$dir" && LIB=$lib /usr/bin/python3 - <<'PY'
import os, sys, torch
sys.path.insert(0, os.environ["LIB"])
from safetensors_torch import load
sd = load("t.safetensors")
m = torch.nn.Sequential(torch.nn.Conv2d(1, 8, 3, padding=1), torch.nn.BatchNorm2d(8),
                        torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
                        torch.nn.Linear(128, 10))
m.load_state_dict(sd, strict=True)
if int(m[1].num_batches_tracked) != 12:
    print("num_batches_tracked", int(m[1].num_batches_tracked))
PY
    )
fi
