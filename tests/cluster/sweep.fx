# The sweep make test-cluster shards over a Slurm job array
# (tests/cluster/slurm.sh): 8 points of a tiny model, under a second in
# all. Every number is printed in full, so the output of the run that
# reads the points back from the store must equal a plain run's byte for
# byte (sweep's own table is not printed: its seconds column is measured).
seed 7
let data = random_data(200, 4, classes: 2)
model net { dense(8) relu dense(2) }
let runs = sweep lr in [0.3, 0.03], b in [16, 32], wd in [0, 0.01] {
    train net on data, optimizer: adam(lr: lr, weight_decay: wd), epochs: 3,
          batch: b, validation_split: 0.2
}
for r in runs.results { print r.label, r.loss, r.val_loss, r.accuracy, r.val_accuracy }
table runs.val_loss
plot runs.val_loss
assert len(runs) == 8
