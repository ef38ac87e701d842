# mode: "unicode" draws with box-drawing lines, "braille" with 2x4 dots per
# cell; "ascii" is the default when output is not a terminal. Without
# colour, braille with two or three curves draws as unicode (light, heavy
# and double lines), so the legend tells them apart.
let a = [1, 3, 2, 5, 4, 6]
let b = [6, 5, 5, 3, 2, 1]
plot a, mode: "unicode", width: 40, height: 5
plot a, mode: "braille", width: 40, height: 5
plot a, b, mode: "braille", width: 40, height: 5
plot a, b, mode: "ascii", width: 40, height: 5
