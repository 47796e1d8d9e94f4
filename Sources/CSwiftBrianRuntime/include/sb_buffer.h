#ifndef SB_BUFFER_H
#define SB_BUFFER_H

#include <stdint.h>

/* The memory of a SwiftBrian buffer, shared by Swift and generated C code: `count` elements in
   use out of `capacity` allocated at `data` (malloc'ed, so either side may realloc it). */
typedef struct sb_buffer {
    void *data;
    int64_t count;
    int64_t capacity;
} sb_buffer;

/* A ring of slots of synapse indices waiting for their delay (see SpikeQueue.swift): slot
   `(cursor + d) % count` holds the synapses due in d steps. */
typedef struct sb_queue {
    sb_buffer **slots;
    int64_t count;
    int64_t cursor;
} sb_queue;

#endif
