# A function that fails when called (err_import_call.fx).
fn boom(x) {
    return x / 0
}
