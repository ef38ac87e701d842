# Passes: a script with no check passes when it runs without an error.
print linspace(0, 1, 3)
