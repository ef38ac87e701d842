# ymin above ymax: today "cannot draw the chart: invalid argument" under the
# whole statement. Expected: what is wrong, at ymin (wording a guess).
plot [1, 2, 3], ymin: 5, ymax: 1
