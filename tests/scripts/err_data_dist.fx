# A misspelt distribution name: a suggestion.
let d = random_data(100, 5, dist: "unifrom")
