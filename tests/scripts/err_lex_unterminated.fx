let name = "run
print name
