# Two swapped letters are one edit: the suggestion still comes.
let epochs = 10
print epohcs
