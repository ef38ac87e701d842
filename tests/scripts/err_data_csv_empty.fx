let d = load_csv("data/empty.csv")
