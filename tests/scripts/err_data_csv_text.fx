# A text cell in a numeric column: the message names the CSV position.
let d = load_csv("data/text_cell.csv")
