# groups: needs one name per value.
bars [1, 2, 3], groups: ["a", "b"]
