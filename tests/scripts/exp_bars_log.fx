# log: true: a log value axis whose bars start a decade or so below the
# smallest value, so values far apart all show; values <= 0 get no bar.
bars [10, 1000, 3], log: true, width: 50, xlabel: "value"
bars [0.5, 50, 0], [5, 0.05, 500], log: true, width: 50, groups: ["x", "y", "z"]
bars [1, 2], mode: "unicode", width: 40
