# A label column that is not there: a suggestion.
let d = load_csv("data/good.csv", label: "lable")
