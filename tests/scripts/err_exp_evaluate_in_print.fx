# evaluate (like train, predict and minimize) is a command: it can be a
# statement or the value of a let, not part of an expression. Today the
# message is "expected ',' or end of line, found 'r'", as if evaluate were
# a variable. Expected: say what to write (the wording is a guess).
let d = blobs(10, centers: 2, seed: 1)
model m { dense(2) }
let r = train m on d, log: "none"
print evaluate r on d
