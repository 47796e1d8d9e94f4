/// The whole-run loop of a generated library: `sb_run` advances the clocks and calls the kernels
/// of each step in schedule order, exactly as the Swift loop of `Network.run` does, so that a run
/// without network operations never returns to Swift between steps.
///
///     int sb_run(sb_buffer ***kb, sb_queue ***kq, const double **kc, uint64_t seed, char *error,
///                double **steps, double **times, double **dts, const int64_t *ends,
///                int64_t max_steps, int64_t *done)
///
/// `kb`, `kq`, `kc` hold each kernel's buffers, queues and constants; `steps`, `times`, `dts` each
/// clock's one-element buffers and `ends` its end step. It returns 0 when every clock has reached
/// its end, 1 when the next step involves Swift (a clock in `swiftClocks`), 2 after `max_steps`
/// steps, -1 with a message in `error` when a kernel failed (-2 when a value was not finite: then
/// `error` holds the kernel's position and the numbers of the failed check; -3 when a buffer could
/// not grow: then `error` holds the numbers of `CEmitter.growthReport`);
/// `done` is the number of steps run.
///
/// The kernels with a `parallel` entry run on the threads of ``CThreadPool`` (whose source must
/// come before the loop when any has one), the others on the calling thread; a kernel that
/// measures its work runs there only in steps with at least its `minimumWork` (its synapses),
/// otherwise on the calling thread alone.
enum CLoopEmitter {
    /// How a kernel runs on the threads: its function's companions, by name.
    struct Parallel {
        /// What runs after the parts (a threshold's join of their events).
        var join: String?
        /// What measures the kernel's work in a step (a pathway's synapses).
        var work: String?
        /// The work below which the kernel runs on the calling thread alone.
        var minimumWork = 0
    }

    static func source(kernelNames: [String], kernelClocks: [Int], parallel: [Parallel?],
                       clockCount: Int, swiftClocks: Set<Int>) -> String {
        var lines: [String] = []
        let threaded = parallel.contains { $0 != nil }
        // A failed finite check's numbers get the kernel's position in front (see NativeBackend).
        lines.append("static int sb_failed(int status, int kernel, char *error) {")
        lines.append("    if (status == \(CEmitter.growthFailedStatus)) return -3;")
        lines.append("    if (status != \(CEmitter.nonFiniteStatus)) return -1;")
        lines.append("    char numbers[512];")
        lines.append("    memcpy(numbers, error, 512);")
        lines.append("    snprintf(error, 512, \"%d %s\", kernel, numbers);")
        lines.append("    return -2;")
        lines.append("}")
        let table = kernelNames.isEmpty ? ["0"] : kernelNames, clocks = kernelClocks.isEmpty ? [0] : kernelClocks
        lines.append("typedef int (*sb_kernel_function)(sb_buffer **, sb_queue **, const double *, uint64_t, char *);")
        lines.append("static const sb_kernel_function sb_kernels[] = {\(table.joined(separator: ", "))};")
        lines.append("static const int sb_kernel_clocks[] = {\(clocks.map(String.init).joined(separator: ", "))};")
        if threaded {
            lines.append("static const unsigned char sb_kernel_parallel[] = {\(parallel.map { $0 == nil ? "0" : "1" }.joined(separator: ", "))};")
            lines.append("static const sb_kernel_function sb_kernel_joins[] = {\(parallel.map { $0?.join ?? "0" }.joined(separator: ", "))};")
            lines.append("typedef int64_t (*sb_work_function)(sb_buffer **, sb_queue **);")
            lines.append("static const sb_work_function sb_kernel_works[] = {\(parallel.map { $0?.work ?? "0" }.joined(separator: ", "))};")
            lines.append("static const int64_t sb_kernel_minimum_works[] = {\(parallel.map { String($0?.minimumWork ?? 0) }.joined(separator: ", "))};")
        }
        lines.append("int sb_run(sb_buffer ***kb, sb_queue ***kq, const double **kc, uint64_t seed, char *error,")
        lines.append("           double **steps, double **times, double **dts, const int64_t *ends,")
        lines.append("           int64_t max_steps, int64_t *done) {")
        lines.append("    int current[\(max(clockCount, 1))];")
        lines.append("    for (int64_t n = 0; n < max_steps; n++) {")
        lines.append("        int e = 0;")
        lines.append("        for (int i = 1; i < \(clockCount); i++) if (times[i][0] < times[e][0]) e = i;")
        lines.append("        if ((int64_t)steps[e][0] >= ends[e]) { *done = n; return 0; }")
        lines.append("        double now = times[e][0], tolerance = 1e-4 * dts[e][0];")
        lines.append("        for (int i = 0; i < \(clockCount); i++)")
        lines.append("            current[i] = times[i][0] == now || fabs(times[i][0] - now) < tolerance;")
        for clock in swiftClocks.sorted() {
            lines.append("        if (current[\(clock)]) { *done = n; return 1; }")
        }
        // The kernels as a table, not as a call each, so that a network of many groups compiles fast.
        lines.append("        for (int k = 0; k < \(kernelNames.count); k++) {")
        lines.append("            if (!current[sb_kernel_clocks[k]]) continue;")
        if threaded {
            lines.append("            int s = sb_kernel_parallel[k] && (!sb_kernel_works[k] || sb_kernel_works[k](kb[k], kq[k]) >= sb_kernel_minimum_works[k])")
            lines.append("                ? sb_parallel(sb_kernels[k], sb_kernel_joins[k], kb[k], kq[k], kc[k], seed, error)")
            lines.append("                : sb_kernels[k](kb[k], kq[k], kc[k], seed, error);")
        } else {
            lines.append("            int s = sb_kernels[k](kb[k], kq[k], kc[k], seed, error);")
        }
        lines.append("            if (s) { *done = n; return sb_failed(s, k, error); }")
        lines.append("        }")
        lines.append("        for (int i = 0; i < \(clockCount); i++)")
        lines.append("            if (current[i]) { steps[i][0] += 1; times[i][0] = steps[i][0] * dts[i][0]; }")
        lines.append("    }")
        lines.append("    *done = max_steps;")
        lines.append("    return 2;")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
