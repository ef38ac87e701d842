# table shows one value.
table [1, 2], [3, 4]
