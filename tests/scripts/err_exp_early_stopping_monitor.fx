# A misspelt monitor: today "bad field 'monitor' (...)", though the field is
# right and its value wrong. Expected: the value, with a suggestion.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, early_stopping: {monitor: "val_los", patience: 3}
