import "lib"
