# nan and inf are gaps: the line breaks there and a note counts them.
let a = [1, 2, nan, 4, 5, 6, inf, 8]
let b = [8, 7, 6, 5, nan, nan, 2, 1]
plot a, b, width: 50, height: 8
plot [nan, 1, 2], width: 40, height: 4
