# Only the swept values differ between points: the training counters are
# rewound for every point, but the data counter is not, so data drawn
# inside the body differs from point to point (today [[-0.76..., 0.83...],
# [-0.43..., -0.96...]]).
let s = sweep k in [1, 2] { random_data(2, 1).x }
print s.results[0] == s.results[1]
