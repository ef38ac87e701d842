# A condition that is not a single comparison shows its source text only.
let acc = 0.3
assert acc > 0.1 and acc > 0.5
