# load_weights' names: lists the file's tensor names in the model's order
# (layer by layer: weight, bias, running_mean, running_var, as the mapping
# prints them). digits_head_first.pt (tests/fixtures/gen_torch_digits.py)
# holds the digits CNN's initial weights with its head first and one more
# tensor, so by position they do not map (err_load_weights_names.sh);
# named, they give the same loss, bit for bit, as digits_init.pt, and the
# tensor left out is listed as not used.
model cnn(input: [1, 8, 8]) {
    conv2d(8, 3, pad: 1) relu maxpool(2)
    conv2d(16, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let d = load_npy("data/torch/digits_x.npy", "data/torch/digits_y.npy")
let named = load_weights(cnn, "data/torch/digits_head_first.pt",
                         names: ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
                                 "head.weight", "head.bias"])
let base = load_weights(cnn, "data/torch/digits_init.pt")
let a = evaluate named on d
let b = evaluate base on d
assert a.loss == b.loss and a.accuracy == b.accuracy, "named: the same weights"
print format("named weights give torch's initial loss {:.6f}", a.loss)
