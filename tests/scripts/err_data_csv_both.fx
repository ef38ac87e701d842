let d = load_csv("data/good.csv", classes: 3, regression: true)
