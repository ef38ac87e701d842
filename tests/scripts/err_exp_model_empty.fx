# A model needs at least one layer.
model m { }
