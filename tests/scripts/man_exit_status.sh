# fx.1's EXIT STATUS renders as words: "Fl" inside a sentence once took the
# words after it for flags ("--check, -every -file -is -clean").
bs=$(printf '\b')
mandoc -Tascii ../../man/fx.1 | sed "s/.$bs//g" | sed -n '/^EXIT STATUS/,/^ *1 /p' |
    sed -n 2,3p | tr -s ' \t' ' '
