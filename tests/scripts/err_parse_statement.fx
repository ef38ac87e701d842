# A line that cannot start a statement: here a leading dot, which does
# not continue the line above.
let r = {loss: 0.5}
print r
    .loss
