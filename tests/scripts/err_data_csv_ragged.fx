# A row with a missing field.
let d = load_csv("data/ragged.csv")
