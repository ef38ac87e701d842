# Every wrong use of load_weights' names: is a located error naming what
# was expected, the caret under the name at fault: a file whose order does
# not map by position (with a hint at names:), a name not in the file (the
# closest name suggested), too few or too many names, a shape mismatch
# naming both shapes, a name given twice, num_batches_tracked named, and
# names: that is not a list of strings.
cnn='model cnn(input: [1, 8, 8]) { conv2d(8, 3, pad: 1) relu maxpool(2) conv2d(16, 3, pad: 1) relu maxpool(2) flatten dense(10) }'
bn='model bn(input: [1, 8, 8]) { conv2d(8, 3, pad: 1) batchnorm relu maxpool(2) flatten dense(10) }'
f=data/torch/digits_head_first.pt
try() { # $1 what, $2 script
    echo "== $1"
    "$FX" -e "$2" 2>&1
    echo "status $?"
}
try "by position" "$cnn
let w = load_weights(cnn, \"$f\")"
try "a name not in the file" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"conv1.weight\", \"conv1.bais\", \"conv2.weight\", \"conv2.bias\", \"head.weight\", \"head.bias\"])"
try "nothing close" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"features.0.weight\", \"conv1.bias\", \"conv2.weight\", \"conv2.bias\", \"head.weight\", \"head.bias\"])"
try "too few" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"conv1.weight\", \"conv1.bias\", \"conv2.weight\", \"conv2.bias\", \"head.weight\"])"
try "too many" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"conv1.weight\", \"conv1.bias\", \"conv2.weight\", \"conv2.bias\", \"head.weight\", \"head.bias\", \"class_weights\"])"
try "none" "$cnn
let w = load_weights(cnn, \"$f\", names: [])"
try "a shape that does not fit" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"conv2.weight\", \"conv1.bias\", \"conv1.weight\", \"conv2.bias\", \"head.weight\", \"head.bias\"])"
try "a name twice" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"conv1.weight\", \"conv1.bias\", \"conv2.weight\", \"conv2.bias\", \"head.weight\", \"conv1.bias\"])"
try "num_batches_tracked named" "$bn
let w = load_weights(bn, \"data/torch/digits_bn_cnn.pt\", names: [\"0.weight\", \"0.bias\", \"1.weight\", \"1.bias\", \"1.running_mean\", \"1.num_batches_tracked\", \"5.weight\", \"5.bias\"])"
try "a list in a variable" "$cnn
let ns = [\"conv1.weight\", \"conv1.bias\", \"conv2.weight\", \"conv2.bias\", \"head.weight\", \"head.biass\"]
let w = load_weights(cnn, \"$f\", names: ns)"
try "not a list" "$cnn
let w = load_weights(cnn, \"$f\", names: \"torch\")"
try "not a string" "$cnn
let w = load_weights(cnn, \"$f\", names: [\"conv1.weight\", 2])"
