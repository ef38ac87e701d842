# An unknown activation.
model m { dense(3, activation: "gelu") }
