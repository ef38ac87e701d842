# legend: takes "below", "right" or "none"; 42 is an error (today ignored).
# The wording is a guess, modelled on mode:'s.
plot [1, 2, 3], legend: 42
