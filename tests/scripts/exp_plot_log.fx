# log: true draws y on a log scale with ticks at powers of ten; values
# <= 0 cannot be drawn there and count as gaps.
let a = [100, 30, 10, 3, 1, 0.3, 0.1, 0.03, 0.01]
plot a, log: true, width: 50, height: 9
plot [1000, 10, 0, 0.1], log: true, width: 40, height: 6
