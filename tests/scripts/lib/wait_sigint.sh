# Sourced by the Ctrl-C tests: wait_sigint_handler PID waits (up to 60 s)
# until process PID catches SIGINT, read from the SigCgt mask in
# /proc/PID/status. A background job of a script starts with SIGINT
# ignored, so a signal sent before fx has installed its handler would be
# lost and the run would never stop; under load or ASan "sleep 0.5" is
# not a promise that the handler is there.
wait_sigint_handler() { # $1 pid
    wsh_i=0
    while [ $wsh_i -lt 1200 ]; do
        wsh_m=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
        [ -z "$wsh_m" ] && return 1                  # the process is gone
        [ $((0x$wsh_m & 2)) -ne 0 ] && return 0      # bit 1: signal 2, SIGINT
        sleep 0.05; wsh_i=$((wsh_i + 1))
    done
    return 1
}
