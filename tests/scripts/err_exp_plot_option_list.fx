# An unknown plot option with no close name: the hint lists every option.
plot [1, 2, 3], thickness: 3
