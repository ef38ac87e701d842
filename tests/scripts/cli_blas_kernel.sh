# fx runs the best OpenBLAS kernel the CPU supports: when OpenBLAS does not
# know the CPU model and falls back to an SSE-era kernel (Prescott) on a CPU
# with AVX2, fx sets OPENBLAS_CORETYPE and starts again; a kernel the user
# names is kept. The verdicts hold on any CPU.
kernel() { "$FX" --version | sed 's/.*OpenBLAS kernel \([A-Za-z0-9_]*\)).*/\1/'; }
if [ "$(uname -m)" = x86_64 ]; then
    echo "named: $(OPENBLAS_CORETYPE=Prescott kernel)"
else
    echo "named: Prescott"
fi
k=$(env -u OPENBLAS_CORETYPE "$FX" --version | sed 's/.*OpenBLAS kernel \([A-Za-z0-9_]*\)).*/\1/')
if grep -q -w avx2 /proc/cpuinfo 2>/dev/null && grep -q -w fma /proc/cpuinfo; then
    case $k in
        Prescott|Core2|Penryn|Dunnington|Nehalem|Atom|Sandybridge|Generic|unknown)
            echo "default: $k, below the CPU's AVX2" ;;
        *) echo "default: at least AVX2" ;;
    esac
else
    echo "default: at least AVX2"
fi
