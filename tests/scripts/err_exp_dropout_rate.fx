# A dropout rate out of range.
model m { dense(3) dropout(1) }
