# Benchmark W4: W3's MLP swept over four learning rates, each point
# trained from the same start. The bench times the whole process (start-up
# subtracted). Usage: fx w4_sweep.fx EPOCHS
seed 0
let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net { dense(64) relu dense(1) sigmoid }
let epochs = num(args[0])
let runs = sweep lr in [0.1, 0.01, 0.001, 0.0001] {
    train net on data, optimizer: adam(lr: lr), loss: binary_cross_entropy,
          epochs: epochs, batch: 32
}
print len(runs)
