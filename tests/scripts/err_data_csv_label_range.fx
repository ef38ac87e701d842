let d = load_csv("data/good.csv", label: 3)
