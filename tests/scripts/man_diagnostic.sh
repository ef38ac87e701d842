# The diagnostic shown in fx(7)'s DIAGNOSTICS section, for real.
cd lib && "$FX" run.fx
