print "\u{110000}"
