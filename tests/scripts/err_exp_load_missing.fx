# load_weights from a file that does not exist.
model m { dense(2) }
let w = load_weights(m, "no-such-file.safetensors", input: [2])
