# Benchmark W3: seed 003's MLP, 1000 x 10 uniform features, dense 64 relu,
# dense 1 sigmoid, binary cross-entropy, Adam 0.001, batch 32, shuffled.
# Prints the seconds per epoch. Usage: fx w3_mlp.fx EPOCHS
seed 0
let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net { dense(64) relu dense(1) sigmoid }
let epochs = num(args[0])
let r = train net on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
              epochs: epochs, batch: 32
print format("{:.6f}", r.seconds / epochs)
