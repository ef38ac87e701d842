# Runs every example of man/fx.7 (each '.Bd -literal' display preceded by
# a '.\" example' comment line) and prints what it prints, so the page and
# the language cannot drift apart.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk -v dir="$dir" '
    /^\.\\" example/ { want = 1; next }
    want && /^\.Bd -literal/ { n++; file = sprintf("%s/ex%02d.fx", dir, n); inblock = 1; want = 0; next }
    inblock && /^\.Ed/ { inblock = 0; close(file); next }
    inblock { gsub(/\\e/, "\\"); gsub(/\\&/, ""); print > file }
' ../../man/fx.7
cp lib/helpers.fx "$dir"/helpers.fx   # for the example of import
# for the examples of the data loaders: small stand-ins
cp data/good.csv "$dir"/points.csv
cp data/tiny-images-idx3-ubyte.gz "$dir"/images-idx3-ubyte.gz
cp data/tiny-labels-idx1-ubyte.gz "$dir"/labels-idx1-ubyte.gz
cp data/npy/flat.csv "$dir"/digits.csv
cp data/torch/digits_init.pt "$dir"/w.pt
cp data/torch/digits_bn_cnn.pt "$dir"/bn.pt
cp data/torch/digits_head_first.pt "$dir"/head_first.pt
cp data/torch/digits_x.npy data/torch/digits_y.npy "$dir"/
FX_FASHION_MNIST_DIR=$(pwd)/data/fake-fashion
export FX_FASHION_MNIST_DIR
for f in "$dir"/ex*.fx; do
    echo "== $(basename "$f" .fx)"
    (cd "$dir" && "$FX" "$(basename "$f")")
    st=$?
    [ $st -eq 0 ] || echo "exit status $st"
done
