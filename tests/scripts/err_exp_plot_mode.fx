# An unknown plot mode.
plot [1, 2, 3], mode: "fancy"
