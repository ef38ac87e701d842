let d = load_csv("data/header_only.csv")
