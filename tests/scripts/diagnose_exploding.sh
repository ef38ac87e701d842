# diagnose_exploding.fx's asserted lines only: the verdicts that
# diagnose: true prints carry digits that depend on the BLAS kernel.
out=$("$FX" -q --threads 1 diagnose_exploding.fx); rc=$?
printf '%s\n' "$out" | grep "^seed "
exit $rc
