# The catalogue of malformed NPY files (data/npy/bad_*.npy, one defect each,
# written by tests/fixtures/gen_data_npy.py) and of malformed NPZ archives:
# each is a located error with exit status 1, never a crash.
for f in data/npy/bad_*.npy data/npy/bad_*.npz; do
    echo "== $f"
    case $f in
    *.npy) code="let d = load_npy(\"$f\", \"data/npy/y_two.npy\")";;
    *_cut.npz|*_crc.npz) code="let d = load_npz(\"$f\", x: \"x_train\", y: \"y_train\")";;
    *)     code="let d = load_npz(\"$f\")";;
    esac
    "$FX" -e "$code" 2>&1
    echo "status $?"
done
