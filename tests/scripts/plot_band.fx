# A sweep's repeats over seeds drawn as mean curves with a band: +-1 std
# by default, min to max with band: "minmax", none with band: "none";
# runs.curve keeps each point's repeats, so its spread is drawn. The
# curves are data drawn per seed (no arithmetic whose last bits depend on
# the CPU).
seed 3
let runs = sweep a in [1, 4], repeat: 3 {
    let d = random_data(8, 1)
    {curve: map(range(8), fn (i) => a + d.x[i] / 2)}
}
plot runs.curve, height: 8, width: 60
plot runs.curve, band: "minmax", height: 8, width: 60, legend: "none"
plot runs.curve, band: "none", height: 6, width: 60
