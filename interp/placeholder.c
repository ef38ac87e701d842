/* Placeholder so the interpreter library is never empty. */
int fx_placeholder(void);
int fx_placeholder(void) { return 0; }
