# save of an untrained model to .safetensors.
model m { dense(2) }
save m to "../tmp/untrained.safetensors"
