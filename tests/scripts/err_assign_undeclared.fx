let total = 0
totl = 5
steps_taken = 1
