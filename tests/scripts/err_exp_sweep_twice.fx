# A sweep variable named twice.
let s = sweep a in [1, 2], a in [3] { a }
