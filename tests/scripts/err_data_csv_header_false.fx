let d = load_csv("data/good.csv", header: false)
