let s = sweep a in [1], repeat: 2 { {curve: [a, a]} }
plot s.curve, band: "all"
