# width: columns of the whole chart; height: rows of the plotting area
# (at most; fewer when that puts every tick on a row).
let a = [1, 4, 9, 16, 25, 36]
plot a, width: 30, height: 4
plot a, width: 60, height: 12
