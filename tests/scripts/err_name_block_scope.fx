if true {
    let inside = 1
}
print inside
