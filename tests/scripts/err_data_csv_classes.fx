# A label that is not below classes:.
let d = load_csv("data/good.csv", classes: 5, label: "x2")
