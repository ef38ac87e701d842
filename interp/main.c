/* fx's entry point (placeholder until the language core lands). */
#include <stdio.h>
#include "rt.h"

int main(void)
{
    printf("fx %s\n", rt_version());
    return 0;
}
