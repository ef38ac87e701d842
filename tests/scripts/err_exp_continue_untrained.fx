# continue: true on a model that was never trained. The point: the option
# parses (today: "expected a name, found 'continue'") and the error names
# what is needed.
let d = blobs(10, centers: 2, seed: 1)
model m { dense(2) }
let r = train m on d, continue: true
