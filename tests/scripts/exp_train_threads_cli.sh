# --threads N gives the same numbers for any N.
"$FX" --threads 1 exp_train_threads.fx > ../tmp/threads1.out
"$FX" --threads 3 exp_train_threads.fx > ../tmp/threads3.out
cmp ../tmp/threads1.out ../tmp/threads3.out && echo same
cat ../tmp/threads1.out
