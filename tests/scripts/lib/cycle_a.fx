import "cycle_b.fx"
let a = 1
