# A set of curves saves as JSON lines only.
let s = sweep k in [1, 2] { {loss: [k, k]} }
save s.loss to "../tmp/curves.csv"
