# save to a file of an unknown kind.
save [1, 2] to "../tmp/out.txt"
