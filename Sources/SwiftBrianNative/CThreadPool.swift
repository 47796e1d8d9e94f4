/// The threads of a generated library that runs kernels in parallel (element-wise kernels,
/// thresholds and pathways, see ``Kernel/runsElementwise``, ``Kernel/parallelEvents`` and
/// ``Kernel/targetPartition``): `SB_THREADS - 1` persistent workers, started by the first
/// parallel kernel and kept until `sb_threads_stop` (called before the library is closed), and
/// the calling thread. Networks of the same model share the library and so the pool: one at a
/// time uses it, and a kernel that finds it busy (another network running in another thread)
/// runs on its own thread, with the same result. A parallel kernel is a job of `SB_THREADS`
/// parts, one call of its function each, on its part `sb_part` of `sb_parts`: the calling thread
/// publishes the job (a new generation), and it and the workers each claim their own part (thread
/// i part i: the same elements at every kernel, whose values its cache holds), then any part not
/// yet claimed, and the calling thread waits until all are done (then joins a threshold's parts'
/// spikes). Which thread runs a part does not matter: a worker that another program keeps off its
/// core leaves its part to the calling thread instead of holding up the step. Every element
/// (every target of a pathway) is computed by one part with the same operations in the same
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
        #include <sched.h>
        #include <stdatomic.h>
        #define SB_THREADS \(threads)
        static _Thread_local int64_t sb_part = 0, sb_parts = 1, sb_fail_order = 0;
        typedef int (*sb_part_function)(sb_buffer **, sb_queue **, const double *, uint64_t, char *);
        static struct {
            int running;
            _Atomic int stop;
            pthread_t workers[SB_THREADS];
            pthread_mutex_t busy, lock;
            pthread_cond_t wake;
            /* The job's generation, the parts done, the workers asleep on `wake` and whether each
               part is claimed: each on a cache line of its own. */
            _Alignas(64) _Atomic unsigned generation;
            _Alignas(64) _Atomic int done;
            _Alignas(64) _Atomic int sleepers;
            struct { _Alignas(64) _Atomic int claimed; } parts[SB_THREADS];
            unsigned first;
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

    /// The pool: `sb_parallel` runs a kernel's parts on all threads (starting them if they are not
    /// running), then its join, if any, on the calling thread; `sb_threads_stop` ends them.
    static let source = #"""
        static inline void sb_pause(void) {
        #if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
        #endif
        }

        /* Runs the parts of the current job that no thread has claimed, from part `own` on. The
           calling thread sets the job's function and arguments before it clears the parts' claims,
           and clears them only once every part of the last job is done: so a part claimed is one
           of the job whose arguments the claim then reads, even for a thread that comes late. */
        static void sb_pool_run(int64_t own) {
            for (int64_t k = 0; k < SB_THREADS; k++) {
                const int64_t part = (own + k) % SB_THREADS;
                if (atomic_load_explicit(&sb_pool.parts[part].claimed, memory_order_relaxed)
                    || atomic_exchange(&sb_pool.parts[part].claimed, 1)) continue;
                sb_part = part;
                sb_parts = SB_THREADS;
                sb_fail_order = 0;
                sb_pool.status[part] = sb_pool.function(sb_pool.b, sb_pool.q, sb_pool.c, sb_pool.seed, sb_pool.errors[part]);
                sb_pool.order[part] = sb_fail_order;
                atomic_fetch_add(&sb_pool.done, 1);
            }
        }

        /* Waits for a job after that of `generation` and gives its generation: spinning a little
           (the next kernel usually comes soon), then sleeping, so that an idle pool costs no
           processor time. A sleeper is counted under the lock before it looks at the generation
           again, so that the publisher, which looks at the count after moving it on, wakes it. */
        static unsigned sb_pool_wait(unsigned generation) {
            for (int spin = 0; spin < 4000; spin++) {
                const unsigned now = atomic_load(&sb_pool.generation);
                if (now != generation) return now;
                sb_pause();
            }
            pthread_mutex_lock(&sb_pool.lock);
            atomic_fetch_add(&sb_pool.sleepers, 1);
            while (atomic_load(&sb_pool.generation) == generation) pthread_cond_wait(&sb_pool.wake, &sb_pool.lock);
            atomic_fetch_sub(&sb_pool.sleepers, 1);
            pthread_mutex_unlock(&sb_pool.lock);
            return atomic_load(&sb_pool.generation);
        }

        /* Publishes a new job (or the stop), waking the workers only when one sleeps. */
        static void sb_pool_publish(void) {
            atomic_fetch_add(&sb_pool.generation, 1);
            if (atomic_load(&sb_pool.sleepers)) {
                pthread_mutex_lock(&sb_pool.lock);
                pthread_cond_broadcast(&sb_pool.wake);
                pthread_mutex_unlock(&sb_pool.lock);
            }
        }

        static void *sb_pool_worker(void *argument) {
            const int64_t own = (int64_t)(intptr_t)argument;
            unsigned generation = sb_pool.first;
            for (;;) {
                generation = sb_pool_wait(generation);
                if (atomic_load(&sb_pool.stop)) return NULL;
                sb_pool_run(own);
            }
        }

        /* Ends the workers of the first `started` threads (1 is the calling thread). */
        static void sb_threads_end(int started) {
            atomic_store(&sb_pool.stop, 1);
            sb_pool_publish();
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
            atomic_store(&sb_pool.stop, 0);
            sb_pool.first = atomic_load(&sb_pool.generation);
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
            atomic_store(&sb_pool.done, 0);
            for (int i = 0; i < SB_THREADS; i++) atomic_store(&sb_pool.parts[i].claimed, 0);
            sb_pool_publish();
            sb_pool_run(0);
            sb_part = 0;
            sb_parts = 1;
            /* A worker still running a part: spin a little, then let other work have the core. */
            for (int spin = 0; atomic_load(&sb_pool.done) < SB_THREADS; spin++) {
                if (spin < 4000) sb_pause();
                else sched_yield();
            }
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
