import "lib/boom.fx"
fn run(v) = boom(v) + 1
print run(3)
