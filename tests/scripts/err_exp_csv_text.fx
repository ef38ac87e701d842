# A text cell in a numeric column of a CSV file: the file, line and
# column in the message, and a hint.
let d = load_csv("data/text_cell.csv")
model m { dense(2) }
let r = train m on d
