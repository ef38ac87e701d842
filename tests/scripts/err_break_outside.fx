# break and continue belong to a loop, and a function body is not part of
# the loop around its definition.
if true { break }
for i in range(3) {
    fn skip() {
        continue
    }
}
