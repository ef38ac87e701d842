# solver: "lstsq" fits linear models only.
let d = regression(fn (x) => x, 10, seed: 1)
model m { dense(4) relu dense(1) }
let r = train m on d, solver: "lstsq"
