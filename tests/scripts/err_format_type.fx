print format("{:.2f}", "0.5")
