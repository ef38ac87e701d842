# A model with more outputs than the data has classes: an error too, with
# a hint for data whose labels leave out a class.
let d = blobs(12, centers: 3, seed: 1)
model m { dense(8) relu dense(4) }
let r = train m on d
