# summary of a run, or of its trained model: the input shape comes from
# the data it was trained on.
seed 2
let d = blobs(20, centers: 2, features: 3)
model m { dense(4) relu dense(2) }
let r = train m on d, epochs: 1, log: "none"
summary r
summary r.model
print r.model
print r.model.trained, r.model.params
