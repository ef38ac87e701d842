print -"a"
