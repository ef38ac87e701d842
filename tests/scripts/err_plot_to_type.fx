# to: needs a string (a file name).
plot [1, 2], to: 3
