let d = load_csv("data/noheader.csv", header: false, label: "y")
