# One value, not "1 values".
let s = sweep k in [1, 2] { {loss: [k]} }
print s.loss
