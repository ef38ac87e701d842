# An unknown plot option, with a suggestion.
plot [1, 2, 3], titel: "x"
