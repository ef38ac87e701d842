let d = load_csv("data/no_such_file.csv")
