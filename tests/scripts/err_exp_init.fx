# An unknown initialisation.
model m { dense(3, init: "xavier") }
