plot [1, 2], mode: "unicode", width: 30, height: 2
