import SwiftBrianNative

/// What the generated kernels are compiled as: CUDA C++ for the GPU (by NVRTC), or plain C for
/// the CPU emulation (by the C compiler of the native backend), from the same text.
enum CUDATarget {
    /// CUDA C++, compiled to PTX by NVRTC with every unannotated function a device function.
    case device
    /// C, with the thread indices emulated: each launch runs its blocks and threads one after the
    /// other in a fixed order (blocks by x, then y; threads by x), atomics are plain additions.
    case emulation

    /// The code before the kernels: the target's definitions, then the C backend's prelude (its
    /// functions compile as device code as they are) and the compaction of thresholds.
    var prelude: String {
        switch self {
        case .device:
            return CUDATarget.deviceDefinitions + CPrelude.body + CCableStep.source + CUDATarget.deviceAtomics
                + CUDATarget.compaction + CUDATarget.clockStep
        case .emulation:
            return CUDATarget.emulatedThreads + CPrelude.source + CCableStep.source + CUDATarget.emulatedAtomics
                + CUDATarget.compaction + CUDATarget.clockStep + CUDATarget.emulatedLaunch
        }
    }

    /// NVRTC has no C library headers: the types and constants the prelude uses. Nothing grows on
    /// the device (buffers get their capacity before each launch), so a growth fails as one
    /// without memory does on the CPU: the element is dropped and the kernel's status says that
    /// a buffer could not grow (``CEmitter/growthFailedStatus``), which the backend throws as
    /// `insufficientMemory`; error messages are not formatted on the device (the status says
    /// what failed).
    private static let deviceDefinitions = """
        typedef signed char int8_t;
        typedef short int16_t;
        typedef int int32_t;
        typedef long long int64_t;
        typedef unsigned char uint8_t;
        typedef unsigned short uint16_t;
        typedef unsigned int uint32_t;
        typedef unsigned long long uint64_t;
        #define INFINITY __longlong_as_double(0x7ff0000000000000LL)
        #define NAN __longlong_as_double(0x7ff8000000000000LL)
        #define restrict __restrict__
        #define snprintf(buffer, size, ...) ((void)(buffer))
        #define realloc(pointer, size) sb_no_growth()
        #define SB_GLOBAL extern "C" __global__
        static void *sb_no_growth(void) { return 0; }

        """

    private static let deviceAtomics = """
        static inline double sb_atomic_add(double *p, double x) { return atomicAdd(p, x) + x; }
        static inline double sb_atomic_add_old(double *p, double x, double *old) { *old = atomicAdd(p, x); return *old + x; }
        static inline void sb_first_status(int *status, int s, int64_t position) {
            if (atomicCAS(status, 0, s) == 0) status[1] = (int)position;
        }

        """

    private static let emulatedThreads = """
        typedef struct sb_dim3 { unsigned x, y, z; } sb_dim3;
        static sb_dim3 blockIdx, threadIdx, blockDim, gridDim;
        #define SB_GLOBAL

        """

    private static let emulatedAtomics = """
        static inline double sb_atomic_add(double *p, double x) { *p = *p + x; return *p; }
        static inline double sb_atomic_add_old(double *p, double x, double *old) { *old = *p; *p = *p + x; return *p; }
        static inline void sb_first_status(int *status, int s, int64_t position) {
            if (!status[0]) { status[0] = s; status[1] = (int)position; }
        }

        """

    /// The launch of the emulation: every block and thread in order; it stops at the first thread
    /// that fails (whose status and kernel position are in `status`, its message in `error`).
    /// With `rows` (a grouped launch's event list), the block rows past its count, whose threads
    /// would return at once, are skipped.
    private static let emulatedLaunch = """
        typedef void (*sb_global)(sb_buffer **, sb_queue **, const double *, uint64_t, int *, char *, int64_t, int64_t);
        void sb_launch(sb_global kernel, unsigned grid_x, unsigned grid_y, unsigned block, sb_buffer **b, sb_queue **q,
                       const double *c, uint64_t seed, int *status, char *error, int64_t threads, int64_t position,
                       const sb_buffer *rows) {
            gridDim.x = grid_x; gridDim.y = grid_y; gridDim.z = 1;
            blockDim.x = block; blockDim.y = 1; blockDim.z = 1;
            const unsigned columns = rows && rows->count < (int64_t)grid_x ? (unsigned)rows->count : grid_x;
            for (unsigned x = 0; x < columns; x++)
                for (unsigned y = 0; y < grid_y; y++)
                    for (unsigned t = 0; t < block; t++) {
                        blockIdx.x = x; blockIdx.y = y; blockIdx.z = 0;
                        threadIdx.x = t; threadIdx.y = 0; threadIdx.z = 0;
                        kernel(b, q, c, seed, status, error, threads, position);
                        if (status[0]) return;
                    }
        }

        """

    /// The compaction of a threshold's flags (see ``KernelPartition/threshold``), two launches of
    /// one block per `blockDim.x` elements: `b` holds the flags, the block counts and the list,
    /// `c` the range. The first counts each block's flags; in the second, each block writes its
    /// elements after those of the blocks before it, in ascending order, and clears its flags.
    /// After a failure (`status[0]`), like every kernel, they return at once.
    private static let compaction = """
        SB_GLOBAL void sb_count_flags(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, int *status,
                                      char *error, int64_t threads, int64_t position) {
            if (threadIdx.x != 0 || status[0]) return;
            const double *flags = (const double *)b[0]->data;
            const int64_t lower = (int64_t)c[0], upper = (int64_t)c[1];
            const int64_t first = lower + (int64_t)blockIdx.x * blockDim.x;
            const int64_t last = first + blockDim.x < upper ? first + blockDim.x : upper;
            int64_t n = 0;
            for (int64_t i = first; i < last; i++) n += flags[i] != 0;
            ((double *)b[1]->data)[blockIdx.x] = (double)n;
        }
        SB_GLOBAL void sb_compact_flags(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, int *status,
                                        char *error, int64_t threads, int64_t position) {
            if (threadIdx.x != 0 || status[0]) return;
            double *flags = (double *)b[0]->data;
            const double *counts = (const double *)b[1]->data;
            int32_t *list = (int32_t *)b[2]->data;
            const int64_t lower = (int64_t)c[0], upper = (int64_t)c[1];
            const int64_t first = lower + (int64_t)blockIdx.x * blockDim.x;
            const int64_t last = first + blockDim.x < upper ? first + blockDim.x : upper;
            int64_t next = 0;
            for (unsigned k = 0; k < blockIdx.x; k++) next += (int64_t)counts[k];
            for (int64_t i = first; i < last; i++)
                if (flags[i] != 0) { list[next++] = (int32_t)i; flags[i] = 0; }
            if (blockIdx.x == gridDim.x - 1) b[2]->count = next;
        }

        """

    /// A clock's step on the device, one thread: `b` holds its step, time and time step; the step
    /// goes up by one and the time becomes step × dt, as in `Clock.set(step:)` and the C loop.
    /// After a failure the clock stays at the failing step.
    private static let clockStep = """
        SB_GLOBAL void sb_clock_step(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, int *status,
                                     char *error, int64_t threads, int64_t position) {
            if (threadIdx.x != 0 || blockIdx.x != 0 || status[0]) return;
            double *step = (double *)b[0]->data;
            step[0] += 1;
            ((double *)b[1]->data)[0] = step[0] * ((const double *)b[2]->data)[0];
        }

        """
}
