# tools/deps.sh names exactly the missing packages, by package (a stand-in
# dpkg-query says which are installed), in one apt-get line, and exits 1
# without installing anything; with everything present it says nothing.
# Slurm and munge are asked for by the cluster set only, not by test.
d=$(mktemp -d)
cat >"$d/dpkg-query" <<'Q'
#!/bin/sh
for a; do p=$a; done
case " $FAKE_MISSING " in *" $p "*) exit 1;; esac
printf 'install ok installed'
Q
chmod +x "$d/dpkg-query"
run() { PATH="$d:$PATH" FX_DEPS_DRY=1 FAKE_MISSING="$1" sh ../../tools/deps.sh $2 2>&1
        echo "exit $?"; }
run "re2c libopenblas-dev" ""
run "re2c libopenblas-dev mandoc" test
run "mandoc" ""
run "libxml2-utils perl" test
run "" test
run "munge slurm-wlm" test
run "munge slurm-wlm re2c" cluster
run "" bogus
rm -rf "$d"
