# Passes: a small run stays within 2 % of its stored baseline
# (baselines/pass_baseline.jsonl, written by fx test --update-baselines).
seed 4
let d = random_data(200, 4, classes: 2)
model net { dense(8) relu dense(2) }
let r = train net on d, optimizer: adam(lr: 0.01), epochs: 4, batch: 50
assert_close(r, "baselines/pass_baseline.jsonl", rtol: 0.02)
