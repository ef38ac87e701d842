# A list of lists is several curves, labelled name[0], name[1], ...; a
# record with f or loss draws that field.
let curves = [[1, 2, 3], [3, 2, 1]]
plot curves, width: 40, height: 4
plot {loss: [4, 2, 1]}, width: 40, height: 4
