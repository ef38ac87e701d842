let d = load_csv("data/semicolon.csv")
