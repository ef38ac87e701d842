# load_weights converts PyTorch's float64, float16 and bfloat16 tensors to
# float32 exactly, and maps a nested module's names (features.0.weight) by
# position, in a .pt file's order or, for a safetensors file (sorted by
# name), in the order PyTorch's names give: each variant of tests/fixtures/gen_torch_digits.py's initial
# state_dict gives the same loss, bit for bit, as torch's own float32 copy
# of the same values.
model cnn(input: [1, 8, 8]) {
    conv2d(8, 3, pad: 1) relu maxpool(2)
    conv2d(16, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let d = load_npy("data/torch/digits_x.npy", "data/torch/digits_y.npy")
fn loss_of(file) {
    let w = load_weights(cnn, file)
    let e = evaluate w on d
    return e.loss
}
let base = loss_of("data/torch/digits_init.pt")
assert loss_of("data/torch/digits_init_f64.pt") == base, "float64 to float32 is exact"
assert loss_of("data/torch/digits_features.pt") == base, "nested names map by position"
let f16 = loss_of("data/torch/digits_init_f16.pt")
assert f16 == loss_of("data/torch/digits_init_f16_f32.pt"), "float16 to float32 is exact"
let bf16 = loss_of("data/torch/digits_init_bf16.pt")
assert bf16 == loss_of("data/torch/digits_init_bf16_f32.pt"), "bfloat16 to float32 is exact"
assert f16 != base and bf16 != base and f16 != bf16, "the rounded copies are other weights"
assert loss_of("data/torch/digits_init_model.safetensors") == base,
       "safetensors.torch.save_file's sorted layout, model. prefix, maps in PyTorch's order"
print format("all variants give loss {:.6f}", base)
