# A misspelt field: a suggestion.
let d = moons(10)
print d.count
