print format("a } b")
