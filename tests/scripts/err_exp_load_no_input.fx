# load_weights of a model that has never seen data needs input:.
model m { dense(2) }
let w = load_weights(m, "whatever.safetensors")
