/* The buffer layout is all this module provides; see include/sb_buffer.h. */
#include "sb_buffer.h"
