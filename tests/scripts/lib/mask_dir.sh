# Sourced by script tests whose errors name absolute paths: fx_masked runs
# "$FX" with its arguments and writes its standard error with this
# folder's physical path shown as $DIR, so the expected output does not
# depend on where the checkout is. Keeps fx's exit status.
fx_masked() {
    _err=$(mktemp)
    "$FX" "$@" 2>"$_err"
    _rc=$?
    sed "s|$(pwd -P)|\$DIR|g" "$_err" >&2
    rm -f "$_err"
    return $_rc
}
