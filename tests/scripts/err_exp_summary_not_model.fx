# summary needs a model or a run.
summary 3
