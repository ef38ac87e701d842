# A sweep variable needs a list.
let s = sweep lr in 0.1 { lr * 2 }
