import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianPortableMath

/// The C code every generated library starts with: the buffer layout, appending, the counter-based
/// random numbers and the helper functions whose semantics must match the interpreter's bit for
/// bit (Python's `%`, `sign`, `clip`, `timestep`, Poisson and binomial draws, TimedArray
/// lookup, and ``PortableMath``'s functions).
package enum CPrelude {
    /// The whole prelude: the C library's headers, then ``body``.
    package static let source = #"""
    #include <math.h>
    #include <stdint.h>
    #include <stdlib.h>
    #include <stdio.h>
    #include <string.h>

    """# + body

    /// The prelude without the headers it needs (`math.h`, `stdint.h`, `stdlib.h`, `stdio.h`,
    /// `string.h`), for a compiler that has its own (NVRTC compiling it as device code).
    package static let body = PortableMath.cSource + #"""
    typedef struct sb_buffer { void *data; int64_t count; int64_t capacity; } sb_buffer;
    /* A hint to fetch an address into the cache (none in device code). */
    #ifdef __CUDACC_RTC__
    #define sb_prefetch(address) ((void)0)
    #else
    #define sb_prefetch(address) __builtin_prefetch(address)
    #endif
    typedef struct sb_queue { sb_buffer **slots; int64_t count; int64_t cursor; } sb_queue;

    /* The first growth that failed (the buffer, the elements asked for, their bytes), checked after
       each kernel that grows a buffer (see BufferGrowth in Swift); a failed growth writes nothing.
       One record per thread, so that networks run at once on different threads (sharing this
       library) each see their own failures; sb_growth_any, set once any growth failed, guards
       every reading of the records, so that a kernel reaches the thread-local storage only after
       a failure (sb_growth_pending) and the loops that grow buffers never do (the record is
       written by a function of its own). On the GPU (NVRTC has no thread-local storage) one
       record for the device, where a growth fails at once (see CUDATarget) and the kernel's
       status reports it.
       sb_growths_left: for tests, the growths that succeed before every one fails (-1: no limit). */
    #ifdef __CUDACC_RTC__
    #define SB_THREAD_LOCAL
    #define SB_COLD
    #define sb_growth_pending() (sb_growth_any && sb_growth_failed)
    #else
    #define SB_THREAD_LOCAL __thread
    #define SB_COLD __attribute__((noinline, cold))
    #define sb_growth_pending() (__atomic_load_n(&sb_growth_any, __ATOMIC_RELAXED) && sb_growth_failed)
    #endif
    static int sb_growth_any = 0;
    static SB_THREAD_LOCAL sb_buffer *sb_growth_failed = 0;
    static SB_THREAD_LOCAL int64_t sb_growth_failed_elements = 0, sb_growth_failed_bytes = 0;
    int64_t sb_growths_left = -1;
    static SB_COLD void sb_growth_failure(sb_buffer *b, int64_t capacity, size_t size) {
        if (!sb_growth_failed) {
            sb_growth_failed = b;
            sb_growth_failed_elements = capacity;
            sb_growth_failed_bytes = capacity * (int64_t)size;
        }
    #ifdef __CUDACC_RTC__
        sb_growth_any = 1;
    #else
        __atomic_store_n(&sb_growth_any, 1, __ATOMIC_RELAXED);
    #endif
    }
    static int sb_reserve(sb_buffer *b, int64_t minimum, size_t size) {
        if (minimum <= b->capacity && b->data) return 0;
        int64_t capacity = b->capacity * 2;
        if (capacity < minimum) capacity = minimum;
        if (capacity < 4) capacity = 4;
        void *data = sb_growths_left == 0 ? 0 : realloc(b->data, (size_t)capacity * size);
        if (!data) {
            sb_growth_failure(b, capacity, size);
            return 1;
        }
        if (sb_growths_left > 0) sb_growths_left--;
        b->data = data;
        b->capacity = capacity;
        return 0;
    }
    static inline void sb_append_f64(sb_buffer *b, double x) {
        if (b->count == b->capacity && sb_reserve(b, b->count + 1, sizeof(double))) return;
        ((double *)b->data)[b->count++] = x;
    }
    static inline void sb_append_i32(sb_buffer *b, int32_t x) {
        if (b->count == b->capacity && sb_reserve(b, b->count + 1, sizeof(int32_t))) return;
        ((int32_t *)b->data)[b->count++] = x;
    }
    /* A delay is below the number of slots (the queue is sized for the longest before a run), so
       the slot wraps around at most once: no division per synapse. */
    static inline void sb_queue_push(sb_queue *q, int32_t synapse, int64_t delay) {
        int64_t slot = q->cursor + delay;
        if (slot >= q->count) slot -= q->count;
        sb_append_i32(q->slots[slot], synapse);
    }
    /* The synapses first ..< last, all with the same delay, into one slot: one reservation and a
       loop that vectorizes, in place of a push each. */
    static inline void sb_queue_push_range(sb_queue *q, int64_t first, int64_t last, int64_t delay) {
        int64_t slot = q->cursor + delay;
        if (slot >= q->count) slot -= q->count;
        sb_buffer *b = q->slots[slot];
        const int64_t start = b->count;
        if (start + (last - first) > b->capacity && sb_reserve(b, start + (last - first), sizeof(int32_t))) return;
        int32_t *data = (int32_t *)b->data + start;
        for (int64_t s = first; s < last; s++) data[s - first] = (int32_t)s;
        b->count = start + (last - first);
    }
    /* The synapses first ..< last, each with its delay, as sb_queue_push one by one (the same order
       in every slot), with the queue's header read once; with targets, the queue holds the
       synapses' targets (SpikeQueue.targets). */
    static inline void sb_queue_push_each(sb_queue *q, int64_t first, int64_t last, const int32_t *delays,
                                          const int32_t *targets) {
        const int64_t cursor = q->cursor, count = q->count;
        sb_buffer *const *slots = q->slots;
        for (int64_t s = first; s < last; s++) {
            int64_t slot = cursor + delays[s];
            if (slot >= count) slot -= count;
            sb_append_i32(slots[slot], targets ? targets[s] : (int32_t)s);
        }
    }
    static inline void sb_queue_advance(sb_queue *q) {
        q->slots[q->cursor]->count = 0;
        q->cursor = (q->cursor + 1) % q->count;
    }

    static inline double sb_event_count(const sb_buffer *list, int64_t lower, int64_t upper) {
        const int32_t *events = (const int32_t *)list->data;
        int64_t total = 0;
        for (int64_t k = 0; k < list->count; k++) total += events[k] >= lower && events[k] < upper;
        return (double)total;
    }

    /* The first position in first..<last of the non-decreasing `keys` whose key is at least `key`
       (`last` when none is): where a parallel pathway's part of the targets begins and ends in a
       row (see CEmitter.partOfRows). A short row (CUBA's 80 synapses) is scanned in order: its few
       cache lines come in one stream, where a binary search waits for each of its loads in turn
       (half the pathway's time in CUBA at N = 40,000 on two threads). A long one is halved
       without branching on the keys (a conditional move), whose comparisons the processor could
       not predict. */
    static inline int64_t sb_first_at_least(const int32_t *keys, int64_t first, int64_t last, int64_t key) {
        if (last - first <= 256) {
            while (first < last && keys[first] < key) first++;
            return first;
        }
        for (int64_t n = last - first; n > 1;) {
            const int64_t half = n / 2;
            first = keys[first + half] < key ? first + half : first;
            n -= half;
        }
        return first + (keys[first] < key);
    }

    static inline void sb_philox(uint32_t c[4], uint32_t k0, uint32_t k1) {
        for (int r = 0; r < 10; r++) {
            if (r > 0) { k0 += 0x9E3779B9u; k1 += 0xBB67AE85u; }
            uint64_t p0 = (uint64_t)0xD2511F53u * c[0];
            uint64_t p1 = (uint64_t)0xCD9E8D57u * c[2];
            uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
            uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
            uint32_t n0 = hi1 ^ c[1] ^ k0, n2 = hi0 ^ c[3] ^ k1;
            c[0] = n0; c[1] = lo1; c[2] = n2; c[3] = lo0;
        }
    }
    /* The draws are always inlined: a loop drawing pairs vectorizes only with them inlined, and
       clang stopped inlining them once a kernel had three forms calling them (guarded, optimistic,
       by blocks): Brunel-Hakim at N = 5,000 then ran 1.4 s instead of 0.41 s (2026-12-03). */
    static inline __attribute__((always_inline)) void sb_words(uint32_t w[4], uint64_t seed, uint32_t stream, int64_t step, int64_t element,
                                uint32_t site) {
        w[0] = (uint32_t)step; w[1] = (uint32_t)element; w[2] = stream; w[3] = site;
        sb_philox(w, (uint32_t)seed, (uint32_t)(seed >> 32));
    }
    /* RandomNumbers.unit (Swift): the top 53 bits of high:low times 2^-53. Without AVX-512 there is
       no vector conversion of 64-bit integers, and clang converts them one by one (4 extractions
       and conversions for 4 lanes); here k is put in a double's mantissa instead: k's low 52
       bits over the exponent of 2^52 give 2^52 + (those bits) exactly, less 2^52, plus 2^52 where
       k's bit 52 is set, all exact. The same bits; a Poisson threshold (STDP's input, N = 4000)
       ran 12% faster on AMD Zen 3. With fast math, which may reorder the sums (and round 2^53 - 1
       up to 2^53, giving 1), the plain conversion. */
    #ifdef SB_FAST_MATH
    static inline double sb_unit(uint32_t high, uint32_t low) {
        return (double)((((uint64_t)high << 32) | (uint64_t)low) >> 11) * 0x1p-53;
    }
    #else
    static inline double sb_unit(uint32_t high, uint32_t low) {
        const uint64_t k = (((uint64_t)high << 32) | (uint64_t)low) >> 11;
        const uint64_t low52 = (k & 0xFFFFFFFFFFFFFull) | 0x4330000000000000ull;
        const uint64_t top = ((uint64_t)0 - (k >> 52)) & 0x4330000000000000ull;
        return ((sb_from_bits(low52) - 0x1p52) + sb_from_bits(top)) * 0x1p-53;
    }
    #endif
    /* Uniform draws as RandomNumbers.uniform (Swift): elements 2k and 2k + 1 share the Philox block
       of k, the even one takes its words 0 and 1, the odd one its words 2 and 3. */
    static inline __attribute__((always_inline)) double sb_uniform(uint64_t seed, uint32_t stream, int64_t step, int64_t element, uint32_t site) {
        uint32_t w[4];
        sb_words(w, seed, stream, step, element >> 1, site);
        return element & 1 ? sb_unit(w[2], w[3]) : sb_unit(w[0], w[1]);
    }
    /* The draws of elements 2 pair and 2 pair + 1 into out[0] and out[1], bit for bit as sb_uniform. */
    static inline __attribute__((always_inline)) void sb_uniform_pair(double *out, uint64_t seed, uint32_t stream, int64_t step, int64_t pair,
                                       uint32_t site) {
        uint32_t w[4];
        sb_words(w, seed, stream, step, pair, site);
        out[0] = sb_unit(w[0], w[1]);
        out[1] = sb_unit(w[2], w[3]);
    }
    /* Normal draws as RandomNumbers.normal (Swift): elements 2k and 2k + 1 share the Philox block
       of k, the even one takes the cosine value, the odd one the sine value. */
    static inline __attribute__((always_inline)) double sb_normal(uint64_t seed, uint32_t stream, int64_t step, int64_t element, uint32_t site) {
        uint32_t w[4];
        sb_words(w, seed, stream, step, element >> 1, site);
        const double radius = sqrt(-2.0 * sb_log(1.0 - sb_unit(w[0], w[1])));
        return radius * sb_turns(sb_unit(w[2], w[3]), (uint64_t)(element & 1) * 3);
    }
    /* The draws of elements 2 pair and 2 pair + 1 into out[0] and out[1], bit for bit as sb_normal. */
    static inline __attribute__((always_inline)) void sb_normal_pair(double *out, uint64_t seed, uint32_t stream, int64_t step, int64_t pair,
                                      uint32_t site) {
        uint32_t w[4];
        sb_words(w, seed, stream, step, pair, site);
        const double radius = sqrt(-2.0 * sb_log(1.0 - sb_unit(w[0], w[1])));
        const sb_sine_cosine angle = sb_sincos_turns(sb_unit(w[2], w[3]));
        out[0] = radius * angle.cosine;
        out[1] = radius * angle.sine;
    }
    static double sb_binomial(double trials, double p, double u) {
        int64_t n = (int64_t)trials;
        if (p <= 0 || n <= 0) return 0;
        if (p >= 1) return (double)n;
        double ratio = p / (1 - p);
        int64_t k = 0;
        double mass = sb_pow(1 - p, (double)n);
        double cumulative = mass;
        while (u >= cumulative && k < n) {
            k += 1;
            mass *= ratio * (double)(n - k + 1) / (double)k;
            cumulative += mass;
        }
        return (double)k;
    }

    /* Poisson draws step for step as PoissonSampling (Swift): uniforms two per Philox block, block n
       at the site word site | n << 20. */
    typedef struct sb_uniforms {
        uint64_t seed; uint32_t stream; int64_t step, element; uint32_t site; uint32_t drawn; uint32_t w[4];
    } sb_uniforms;
    static inline double sb_next_uniform(sb_uniforms *s) {
        uint32_t n = s->drawn++;
        if (n % 2 == 0) {
            sb_words(s->w, s->seed, s->stream, s->step, s->element, s->site | (n / 2) << 20);
            return sb_unit(s->w[0], s->w[1]);
        }
        return sb_unit(s->w[2], s->w[3]);
    }
    static double sb_poisson(double mean, uint64_t seed, uint32_t stream, int64_t step, int64_t element,
                             uint32_t site) {
        if (isnan(mean) || mean == INFINITY) return mean;
        if (mean <= 0) return 0;
        sb_uniforms s = {seed, stream, step, element, site, 0, {0, 0, 0, 0}};
        if (mean < 10) {
            double limit = exp(-mean), count = 0, product = 1;
            for (int n = 0; n < \#(PoissonSampling.maximumUniforms); n++) {
                product *= sb_next_uniform(&s);
                if (!(product > limit)) break;
                count += 1;
            }
            return count;
        }
        double root = sqrt(mean), log_mean = log(mean);
        double b = 0.931 + 2.53 * root;
        double a = -0.059 + 0.02483 * b;
        double inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        double k = 0;
        for (int n = 0; n < \#(PoissonSampling.maximumUniforms / 2); n++) {
            double u = sb_next_uniform(&s) - 0.5;
            double v = sb_next_uniform(&s);
            double us = 0.5 - fabs(u);
            k = floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (log(v) + log(inverse_alpha) - log(a / (us * us) + b) <= -mean + k * log_mean - lgamma(k + 1)) return k;
        }
        return k > 0 ? k : 0;
    }
    static inline double sb_timestep(double t, double dt) { return trunc((t + 1e-3 * dt) / dt); }
    /* QuotientThreshold.least: the smallest double x with trunc(x/d) >= n (d positive and finite). */
    static inline uint64_t sb_order_key(double x) {
        uint64_t bits;
        memcpy(&bits, &x, sizeof bits);
        return bits >> 63 ? ~bits : bits | 0x8000000000000000ull;
    }
    static inline double sb_order_value(uint64_t key) {
        uint64_t bits = key >> 63 ? key & 0x7FFFFFFFFFFFFFFFull : ~key;
        double x;
        memcpy(&x, &bits, sizeof x);
        return x;
    }
    static inline int sb_quotient_reaches(double x, double d, double n) { return trunc(x / d) >= n; }
    static double sb_quotient_threshold(double d, double n) {
        if (sb_quotient_reaches(-INFINITY, d, n)) return -INFINITY;
        if (!sb_quotient_reaches(INFINITY, d, n)) return NAN;
        double x = n * d;
        if (!isfinite(x)) x = isnan(x) ? 0.0 : x > 0 ? 1.7976931348623157e308 : -1.7976931348623157e308;
        uint64_t low = sb_order_key(-INFINITY), high = sb_order_key(INFINITY);
        for (int k = 0; k < \#(QuotientThreshold.stepsNearGuess); k++) {
            if (sb_quotient_reaches(x, d, n)) { high = sb_order_key(x); x = nextafter(x, -INFINITY); }
            else { low = sb_order_key(x); x = nextafter(x, INFINITY); }
            if (high - low == 1) return sb_order_value(high);
        }
        while (high - low > 1) {
            uint64_t middle = low + (high - low) / 2;
            if (sb_quotient_reaches(sb_order_value(middle), d, n)) high = middle; else low = middle;
        }
        return sb_order_value(high);
    }
    /* The smaller of two indices (the first element of a loop whose values were not finite). */
    static inline int64_t sb_min_index(int64_t a, int64_t b) { return b < a ? b : a; }
    /* The bytes of the machine's widest vector registers (as clang uses them, see CCompiler), and
       whether any of a vector's words (SB_VECTOR_BYTES / 8 of them) is not zero: a loop of constant
       count, which clang makes one test of the vector (CEmitter's checked vectors). */
    #if defined(__AVX512F__)
    #define SB_VECTOR_BYTES 64
    #elif defined(__AVX__)
    #define SB_VECTOR_BYTES 32
    #else
    #define SB_VECTOR_BYTES 16
    #endif
    static inline int sb_any_word(const uint64_t *words) {
        uint64_t any = 0;
        for (int k = 0; k < SB_VECTOR_BYTES / 8; k++) any |= words[k];
        return any != 0;
    }
    /* Not zero exactly when x is NaN or infinite, for an `or` over the values of a vector of
       elements (see CEmitter's checked vectors): x - x is +0 for every finite x and NaN otherwise. With fast math (which may
       rewrite x - x) the exponent's bits: all ones carry into the sign bit. */
    #ifdef SB_FAST_MATH
    static inline uint64_t sb_nonfinite_bits(double x) {
        return ((sb_bits(x) & 0x7FF0000000000000ull) + 0x0010000000000000ull) & 0x8000000000000000ull;
    }
    #else
    static inline uint64_t sb_nonfinite_bits(double x) { return sb_bits(x - x); }
    #endif

    /* `fresh` where `finite` is not zero, else `kept`: a store guarded by its values being finite
       (see CEmitter's ownElement), x[i] = sb_fresh_if(finite, new, x[i]). Bitwise, so that the
       compiler stores with a plain vector store: written as `finite ? new : x[i]`, clang turns it
       into a masked store, which some processors run slowly (AMD Zen 3). */
    static inline double sb_fresh_if(int finite, double fresh, double kept) {
        const uint64_t mask = (uint64_t)0 - (uint64_t)(finite != 0);
        return sb_from_bits(sb_bits(kept) ^ ((sb_bits(kept) ^ sb_bits(fresh)) & mask));
    }

    static inline double sb_mod(double a, double b) {
        double r = fmod(a, b);
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
    }
    static inline double sb_sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }
    static inline double sb_max(double a, double b) { return b >= a ? b : a; }
    static inline double sb_min(double a, double b) { return b < a ? b : a; }
    static inline double sb_clip(double x, double low, double high) { return sb_min(sb_max(x, low), high); }
    /* The index a 2-D TimedArray was wrongly called with; checked after each kernel. */
    static double sb_timed_bad_column = 0;
    static int sb_timed_failed = 0;
    static inline double sb_timed(const double *values, int64_t rows, int64_t columns, double dt, double k,
                                  double t, double column) {
        if (!(column >= 0 && column < (double)columns)) {
            sb_timed_failed = 1;
            sb_timed_bad_column = column;
            return NAN;
        }
        double position = nearbyint(t * k / dt) / k;
        if (!(position > 0)) position = 0;
        if (position > (double)(rows - 1)) position = (double)(rows - 1);
        return values[(int64_t)position * columns + (int64_t)column];
    }

    """#
}
