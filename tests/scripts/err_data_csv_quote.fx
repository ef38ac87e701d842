let d = load_csv("data/open_quote.csv")
