# load_csv: numeric features, the label column as the target.
let d = load_csv("data/good.csv")
print d
print d.x, d.y
# Quoted fields ("" inside, a line break inside), CRLF, a byte order mark,
# a blank line, spaces around a field, no final newline; text labels
# become classes in sorted order ("ca\nt", "cat", "dog").
let q = load_csv("data/quoted.csv")
print q
print q.x, q.y
# Labels that are not whole numbers make a regression set.
let r = load_csv("data/reg.csv")
print r
print r.x, r.y
# The label by name or number; header: false names columns by number.
print load_csv("data/good.csv", label: "x1").x
print load_csv("data/good.csv", label: 0).y
print load_csv("data/noheader.csv", header: false, label: -1)
print load_csv("data/good.csv", regression: true)
print load_csv("data/good.csv", classes: 5)
print load_csv("data/semicolon.csv", sep: ";").x
