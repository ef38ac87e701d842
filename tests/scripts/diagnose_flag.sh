# fx --diagnose prints every run's verdicts, with no option in the script.
"$FX" --diagnose -q -e 'seed 7
let data = random_data(200, 10, dist: "uniform", classes: 2)
model net { dense(16) relu dense(1) sigmoid }
let r = train net on data, optimizer: adam(lr: 0.000001), loss: binary_cross_entropy, epochs: 6, batch: 32' | grep -v '^    because'
