print rate
let rate = 0.1
