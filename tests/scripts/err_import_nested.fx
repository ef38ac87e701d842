# import belongs at the top level of a file.
fn load() {
    import "lib/helpers.fx"
}
