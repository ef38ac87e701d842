/* Writing a whole file so that it is complete or absent (file_replace.c). */
#ifndef FX_FILE_REPLACE_H
#define FX_FILE_REPLACE_H

#include <stddef.h>

/* data[0..len) as the file at path: 0, or the errno of what failed (path
 * is then untouched). */
int fx_file_replace(const char *path, const char *data, size_t len);

#endif
