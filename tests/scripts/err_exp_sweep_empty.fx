# A sweep over an empty list.
let lrs = []
let s = sweep lr in lrs { lr * 2 }
