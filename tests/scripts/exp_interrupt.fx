# Trains for a long time; exp_interrupt.sh sends Ctrl-C (SIGINT) after the
# first epoch line.
seed 1
let d = random_data(400, 20, classes: 2)
model m { dense(64, activation: "relu") dense(2) }
let r = train m on d, epochs: 100000, batch: 10
print "not reached"
