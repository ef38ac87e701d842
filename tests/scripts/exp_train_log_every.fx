# log_every: N prints the line of every Nth epoch and the last one (with
# log: "batch", every Nth batch of an epoch and its last).
seed 2
let d = random_data(40, 3, classes: 2)
model m { dense(4) relu dense(2) }
let r = train m on d, epochs: 7, batch: 10, log_every: 3
let s = train m on d, epochs: 1, batch: 5, log: "batch", log_every: 3
print r.epochs, len(s.batch_loss)
