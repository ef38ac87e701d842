print true and "yes"
