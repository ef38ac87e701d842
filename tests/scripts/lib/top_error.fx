let ok = 1
let bad = ok / 0
