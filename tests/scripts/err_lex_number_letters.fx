let n = 12abc
