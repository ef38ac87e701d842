# diagnose_layers.fx's asserted lines only: the verdicts it prints carry
# digits that depend on the BLAS kernel.
"$FX" -q diagnose_layers.fx | grep "^layers:"
