import "cycle_a.fx"
let b = 2
