# train ... on something that is not a dataset.
model m { dense(2) }
let r = train m on [[1, 2], [3, 4]], epochs: 1
