# Escapes in double- and single-quoted strings.
print "tab:\t|"
print "line one\nline two"
print "quote \" and backslash \\"
print "caf\u{e9} \u{3bb} \u{1F600}"
print 'single \'quoted\' with "double" inside'
print "it's", 'say "hi"'
print len("\n"), len("\u{e9}"), len("\\"), len("\0")
print ["a\tb", 'q"', "back\\slash", "nl\n", "cr\r", "nul\0"]
