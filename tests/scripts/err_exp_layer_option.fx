# A layer option that does not exist.
model m { dense(4, activaton: "relu") }
