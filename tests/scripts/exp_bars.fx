# bars: grouped horizontal bars, one series per argument, the value at the
# end of each bar; groups: names the groups (1, 2, ... otherwise),
# labels: the series; title as for plot.
bars [1.5, 2.5, 0.5], [1, 3, 2], groups: ["a", "b", "c"], labels: ["train", "test"], width: 50 title "mse"
bars [3, 1, 2], width: 40, xlabel: "count"
# Negative values grow left of a zero line; nan gets no bar.
bars [2, -1, nan], groups: ["up", "down", "none"], width: 40, title: "signs"
# A curve counts with its last value, a run with its last loss.
bars [[1, 2, 3], [4, 5, 6]], width: 40
