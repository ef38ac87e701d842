/* The fx program: the interpreter's command line (fx_main) with the
 * standard library opened into every interpreter it makes. */
#include "open.h"

int main(int argc, char **argv)
{
    return fx_main(argc, argv, fx_stdlib_open);
}
