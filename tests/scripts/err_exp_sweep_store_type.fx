# store: needs a folder name, a string.
let s = sweep a in [1, 2], store: 3 { a }
