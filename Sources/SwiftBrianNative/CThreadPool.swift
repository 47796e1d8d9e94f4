/// The threads of a generated library that runs kernels in parallel (element-wise kernels,
/// thresholds and pathways, see ``Kernel/runsElementwise``, ``Kernel/parallelEvents`` and
/// ``Kernel/targetPartition``): `SB_THREADS - 1` persistent workers, started by the first
/// parallel kernel and kept until `sb_threads_stop` (called before the library is closed), and
/// the calling thread. Networks of the same model share the library and so the pool: one at a
/// time uses it, and a kernel that finds it busy (another network running in another thread)
/// runs on its own thread, with the same result. A parallel kernel is one call of its function
/// per thread, each on its part `sb_part` of `sb_parts`; a barrier starts the parts and another
/// waits for them (then the calling thread joins a threshold's parts' spikes). Every element
/// (every target of a pathway) is computed by one thread with the same operations in the same
/// order as on one thread, so results do not depend on the number of threads. A failure is
/// reported from the part with the lowest `sb_fail_order` (where one thread would have met it:
/// a pathway sets it) and among those the lowest part, which holds the first failing element.
enum CThreadPool {
    /// What kernels need before their definitions: which part of its range this thread runs
    /// (part 0 of 1 outside parallel kernels), and the pool with each part's event list and count
    /// (see `CEmitter.joinedEvents`).
    static func declarations(threads: Int) -> String {
        """
        #include <pthread.h>
        #include <stdatomic.h>
        #define SB_THREADS \(threads)
        static _Thread_local int64_t sb_part = 0, sb_parts = 1, sb_fail_order = 0;
        typedef int (*sb_part_function)(sb_buffer **, sb_queue **, const double *, uint64_t, char *);
        static struct {
            int running, stop;
            pthread_t workers[SB_THREADS];
            pthread_mutex_t busy, lock;
            pthread_cond_t wake;
            _Atomic int parties, arrived;
            _Atomic unsigned generation;
            sb_part_function function;
            sb_buffer **b;
            sb_queue **q;
            const double *c;
            uint64_t seed;
            int status[SB_THREADS];
            int64_t order[SB_THREADS];
            char errors[SB_THREADS][512];
            sb_buffer scratch[SB_THREADS];
            int64_t counts[SB_THREADS];
        } sb_pool = {.busy = PTHREAD_MUTEX_INITIALIZER, .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

        """
    }

    /// The pool: `sb_parallel` runs a kernel on all threads (starting them if they are not
    /// running), then its join, if any, on the calling thread; `sb_threads_stop` ends them.
    static let source = #"""
        /* Waits until every party has arrived: spinning a little (the next kernel usually comes
           soon), then sleeping, so that an idle pool costs no processor time. */
        static void sb_barrier_wait(void) {
            unsigned generation = atomic_load(&sb_pool.generation);
            if (atomic_fetch_add(&sb_pool.arrived, 1) == atomic_load(&sb_pool.parties) - 1) {
                atomic_store(&sb_pool.arrived, 0);
                pthread_mutex_lock(&sb_pool.lock);
                atomic_fetch_add(&sb_pool.generation, 1);
                pthread_cond_broadcast(&sb_pool.wake);
                pthread_mutex_unlock(&sb_pool.lock);
                return;
            }
            for (int spin = 0; spin < 4000; spin++) {
                if (atomic_load(&sb_pool.generation) != generation) return;
        #if defined(__x86_64__) || defined(__i386__)
                __builtin_ia32_pause();
        #endif
            }
            pthread_mutex_lock(&sb_pool.lock);
            while (atomic_load(&sb_pool.generation) == generation) pthread_cond_wait(&sb_pool.wake, &sb_pool.lock);
            pthread_mutex_unlock(&sb_pool.lock);
        }

        static void *sb_pool_worker(void *argument) {
            sb_part = (int64_t)(intptr_t)argument;
            sb_parts = SB_THREADS;
            for (;;) {
                sb_barrier_wait();
                if (sb_pool.stop) return NULL;
                sb_fail_order = 0;
                sb_pool.status[sb_part] = sb_pool.function(sb_pool.b, sb_pool.q, sb_pool.c, sb_pool.seed,
                                                           sb_pool.errors[sb_part]);
                sb_pool.order[sb_part] = sb_fail_order;
                sb_barrier_wait();
            }
        }

        /* Ends the workers of the first `started` (1 is the calling thread). */
        static void sb_threads_end(int started) {
            atomic_store(&sb_pool.parties, started);
            sb_pool.stop = 1;
            sb_barrier_wait();
            for (int i = 1; i < started; i++) pthread_join(sb_pool.workers[i], NULL);
            sb_pool.running = 0;
        }

        void sb_threads_stop(void) {
            pthread_mutex_lock(&sb_pool.busy);
            if (sb_pool.running) sb_threads_end(SB_THREADS);
            for (int i = 0; i < SB_THREADS; i++) {
                free(sb_pool.scratch[i].data);
                sb_pool.scratch[i] = (sb_buffer){0};
            }
            pthread_mutex_unlock(&sb_pool.busy);
        }

        static int sb_threads_start(char *error) {
            if (sb_pool.running) return 0;
            sb_pool.stop = 0;
            atomic_store(&sb_pool.parties, SB_THREADS);
            atomic_store(&sb_pool.arrived, 0);
            for (int i = 1; i < SB_THREADS; i++) {
                int failure = pthread_create(&sb_pool.workers[i], NULL, sb_pool_worker, (void *)(intptr_t)i);
                if (failure) {
                    sb_threads_end(i);
                    snprintf(error, 512, "Cannot start thread %d of %d: %s; use fewer threads", i + 1, SB_THREADS,
                             strerror(failure));
                    return -1;
                }
            }
            sb_pool.running = 1;
            return 0;
        }

        static int sb_parallel(sb_part_function function, sb_part_function join, sb_buffer **b, sb_queue **q,
                               const double *c, uint64_t seed, char *error) {
            if (pthread_mutex_trylock(&sb_pool.busy)) return function(b, q, c, seed, error);
            if (sb_threads_start(error)) {
                pthread_mutex_unlock(&sb_pool.busy);
                return 1;
            }
            sb_pool.function = function;
            sb_pool.b = b;
            sb_pool.q = q;
            sb_pool.c = c;
            sb_pool.seed = seed;
            sb_barrier_wait();
            sb_parts = SB_THREADS;
            sb_fail_order = 0;
            sb_pool.status[0] = function(b, q, c, seed, sb_pool.errors[0]);
            sb_pool.order[0] = sb_fail_order;
            sb_parts = 1;
            sb_barrier_wait();
            int failed = -1;
            for (int i = 0; i < SB_THREADS; i++) {
                if (sb_pool.status[i] && (failed < 0 || sb_pool.order[i] < sb_pool.order[failed])) failed = i;
            }
            int status = 0;
            if (failed >= 0) {
                memcpy(error, sb_pool.errors[failed], 512);
                status = sb_pool.status[failed];
            }
            if (!status && join) status = join(b, q, c, seed, error);
            pthread_mutex_unlock(&sb_pool.busy);
            return status;
        }

        """#
}
