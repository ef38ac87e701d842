# A table column whose first value is a number keeps later text: today
# "adam" shows as "-". The point is the text; whether a mixed column aligns
# left (as here) or per cell is a guess.
table {lr: 0.1, name: "adam"}
table [{a: 1}, {a: "x"}]
