# schedule: needs a schedule.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, schedule: 0.5
