# seed N fixes everything random after it: data, initial weights, shuffles
# and dropout. The same seed again gives the same numbers bit for bit;
# consecutive runs under one seed differ (each train draws its own weights).
fn run() {
    let d = blobs(40, centers: 2, std: 3)
    model m { dense(8, activation: "relu") dropout(0.2) dense(2) }
    return train m on d, epochs: 3, batch: 8, log: "none"
}
seed 5
let a = run()
let b = run()
seed 5
let c = run()
print a.loss == c.loss, a.batch_loss == c.batch_loss, a.accuracy == c.accuracy
print a.loss == b.loss
seed 6
let e = run()
print a.loss == e.loss
# train's own seed: fixes the run's weights and shuffles whatever the
# script's seed (the data still follows the script's).
let d = blobs(40, centers: 2, std: 3, seed: 1)
model m { dense(2) }
seed 1
let f = train m on d, epochs: 2, batch: 8, seed: 42, log: "none"
seed 2
let g = train m on d, epochs: 2, batch: 8, seed: 42, log: "none"
let h = train m on d, epochs: 2, batch: 8, seed: 43, log: "none"
print f.batch_loss == g.batch_loss, f.batch_loss == h.batch_loss
seed 0
seed 9007199254740992
