# log_every: needs a whole number from 1.
let d = random_data(40, 3, classes: 2)
model m { dense(2) }
let r = train m on d, log_every: 0
