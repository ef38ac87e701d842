# stratify: true without validation_split: has nothing to stratify; today
# it is silently ignored (wording a guess).
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, stratify: true
