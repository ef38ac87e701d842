# Indexing from either end; slices clamp to the ends and never fail.
let xs = [10, 20, 30, 40, 50]
print xs[0], xs[4], xs[-1], xs[-5]
print xs[1:3], xs[:2], xs[3:], xs[:], xs[-2:], xs[:-2], xs[-4:-1]
print xs[10:20], xs[-100:2], xs[2:100], xs[3:1], xs[-1:-3]
let s = "abcdef"
print s[-2], s[2:4], s[-3:], s[:100], s[4:2] == ""
let grid = [[1, 2], [3, 4]]
print grid[-1][-2], grid[0][1:]
print xs[1 + 1], xs[len(xs) - 1]
