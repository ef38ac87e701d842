# labels: replaces the legend's labels in order; xlabel and ylabel name
# the axes; title: "..." is the keyword form of title "...".
let a = [3, 2, 1.5, 1.2]
let b = [3.1, 2.5, 2.4, 2.6]
plot a, b, labels: ["train", "validation"], xlabel: "epoch", ylabel: "loss", title: "curves",
     width: 50, height: 6
plot a, b, labels: ["only the first"], width: 50, height: 4 title "fewer labels"
