# table of a number.
table 3
