# A file that to: cannot write is a located error naming it.
plot [1, 2], to: "/proc/fx-no-such/x.svg"
