# A sweep of runs saves as one table: the swept values as leading columns,
# then each point's epochs; failed points are left out. A set of curves
# saves as JSON lines, one per point; a list as index,value rows.
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(2) }
let runs = sweep batch in [10, 40], momentum in [0, 0.9, -1] {
    train m on d, epochs: 2, batch: batch, optimizer: sgd(lr: 0.1, momentum: momentum), log: "none"
}
save runs to "../tmp/exp_sweep.csv"
save runs to "../tmp/exp_sweep.jsonl"
let ok = sweep batch in [10, 40] { train m on d, epochs: 2, batch: batch, log: "none" }
save ok.loss to "../tmp/exp_curves.jsonl"
save [1, 2.5, nan, "a \"b\""] to "../tmp/exp_list.csv"
save [1, 2.5, nan, "a \"b\""] to "../tmp/exp_list.jsonl"
