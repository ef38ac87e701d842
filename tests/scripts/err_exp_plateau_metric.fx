# An unknown metric for plateau.
let s = plateau(monitor: "val_acc")
