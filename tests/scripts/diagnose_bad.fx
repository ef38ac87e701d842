let d = diagnose({loss: [1, 0.5]}, patiense: 3)
