# Malformed or refused PyTorch state dicts (tests/fixtures/gen_torch_digits.py):
# each is a located error with exit status 1, never code execution or a crash.
for f in data/torch/bad_*.pt; do
    echo "== $f"
    "$FX" -e "model m(input: [1, 8, 8]) { conv2d(8, 3, pad: 1) relu maxpool(2) conv2d(16, 3, pad: 1) relu maxpool(2) flatten dense(10) }
let w = load_weights(m, \"$f\")" 2>&1
    echo "status $?"
done
