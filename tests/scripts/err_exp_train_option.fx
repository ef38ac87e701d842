# A train option that does not exist, found before anything runs.
model m { dense(2) }
let d = blobs(10, seed: 1)
print "not reached"
let r = train m on d, epocs: 3
