/* The public header of fx's training runtime: tensors, layers, losses,
 * optimizers, the training loop. The interpreter includes only this.
 * Knows nothing of the fx language. */
#ifndef FX_RT_H
#define FX_RT_H

const char *rt_version(void);

#endif
