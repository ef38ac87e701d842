# Bools, none, and how values of each type print.
print true, false, none
print type(true), type(none), type(1), type("s"), type([]), type({})
print true == true, true != false, none == none, none == false, 0 == false, "" == none
fn nothing() {
    let x = 1
}
print nothing(), nothing() == none
