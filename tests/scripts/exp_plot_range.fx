# ymin and ymax fix the y range; points outside are clipped and counted.
let a = [100, 30, 10, 3, 1, 0.3, 0.1]
plot a, ymin: 0, ymax: 20, width: 50, height: 6
plot [0.2, 0.5, 0.4], ymin: 0, width: 40, height: 5
plot [0.2, 0.5, 0.4], ymax: 1, width: 40, height: 5
