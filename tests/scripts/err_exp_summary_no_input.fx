# summary of a model that has never seen data needs an input shape.
model m { dense(2) }
summary m
